package dev.agentarena.contracts.messages;

/** A changelog record of a user-owned entity that changes by version: a config or a behavior. */
public interface OwnedRecord extends VersionedMessage {

    String id();

    String ownerId();

    long version();
}
