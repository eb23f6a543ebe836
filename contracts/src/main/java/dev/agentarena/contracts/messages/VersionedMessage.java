package dev.agentarena.contracts.messages;

/** A Kafka message that carries the major version of its shape, so a reader can refuse one it cannot understand. */
public interface VersionedMessage {

    int schema();
}
