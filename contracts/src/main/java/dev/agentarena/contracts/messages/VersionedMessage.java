package dev.agentarena.contracts.messages;

/** A Kafka message that carries the version of its shape, so a reader can refuse one from the future. */
public interface VersionedMessage {

    int schema();
}
