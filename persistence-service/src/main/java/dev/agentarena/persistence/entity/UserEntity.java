package dev.agentarena.persistence.entity;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * A user in the {@code users} collection. {@code nameKey} (the name in lower case) has a unique index, so names are
 * unique regardless of case; only the SHA-256 hash of the user's token is kept, never the token.
 */
@MongoEntity(collection = "users")
public class UserEntity {

    @BsonId
    public String id;
    public String username;
    public String nameKey;
    /** SHA-256 of the token, base64url; null once revoked (and for the default user, who cannot sign in). */
    public String tokenHash;
    public boolean isDefault;
    public Document settings;
    public Instant createdAt;
    /** When an engine last saw the user sign in or connect (at most a few minutes off: engines report it sparingly). */
    public Instant lastSeenAt;
    public long version;
    /** The command that wrote this version (see {@link OwnedEntity#lastCommandId}). */
    public String lastCommandId;
}
