package dev.agentarena.persistence.entity;

import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/** What every user-owned, versioned document has: the fields ownership and optimistic concurrency work on. */
public abstract class OwnedEntity {

    @BsonId
    public String id;
    public String ownerId;
    /** Increases by one on every committed change; writes name the version they read. */
    public long version;
    public Instant updatedAt;
    /**
     * The command that wrote this version. Written with the change itself, so a command redelivered after a crash
     * between its write and the record of its answer is recognised as applied, not refused as a conflict.
     */
    public String lastCommandId;
}
