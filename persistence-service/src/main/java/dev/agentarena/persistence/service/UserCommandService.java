package dev.agentarena.persistence.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.AbandonUserPayload;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.CreateUserPayload;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.RenameUserPayload;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.persistence.entity.UserEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.StoreErrors;
import dev.agentarena.persistence.repository.UserRepository;
import dev.agentarena.persistence.service.CommandOutcome.ChangelogChange;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * User commands: create (the token is in the answer once, only its hash is stored), rename, revoke the token, and
 * abandon a user whose token nobody got.
 * Every change is published on {@code arena.users} (never with the hash) and every token change on
 * {@code arena.users.tokens} (keyed by hash, a tombstone on revoke), from which engines check tokens locally.
 */
@Singleton
public class UserCommandService {

    static final int MAX_NAME_LENGTH = 40;

    private final UserRepository users;

    public UserCommandService(UserRepository users) {
        this.users = users;
    }

    /** Default settings of a new user, as in the prototype. */
    public static Document defaultSettings() {
        return new Document("theme", "dark").append("notifications", true);
    }

    public Uni<CommandOutcome> create(PersistenceCommand command) {
        ValidName valid = validName(command, CreateUserPayload.class, CreateUserPayload::name);
        if (valid.error() != null) {
            return invalid(command, valid.error());
        }
        // The engine made the token and sends only its hash: the token never crosses Kafka nor reaches MongoDB.
        String tokenHash = Json.convert(command.payload(), CreateUserPayload.class).tokenHash();
        if (!TokenGrant.isHash(tokenHash)) {
            return invalid(command, new FieldError("/tokenHash", "BAD_TOKEN_HASH",
                    "a new user needs the SHA-256 of its token, base64url (43 characters)"));
        }
        String name = valid.name();
        UserEntity user = new UserEntity();
        // Derived from the command when not given, so a redelivered create finds the user it made.
        user.id = command.entityId() != null ? command.entityId()
                : UUID.nameUUIDFromBytes(command.commandId().getBytes(StandardCharsets.UTF_8)).toString();
        user.username = name;
        user.nameKey = nameKey(user.username);
        user.settings = defaultSettings();
        user.createdAt = now();
        user.lastSeenAt = user.createdAt;
        user.version = 1;
        user.lastCommandId = command.commandId();
        user.tokenHash = tokenHash;
        return users.persist(user)
                .map(saved -> created(command, saved))
                .onFailure(StoreErrors::isDuplicateKey)
                // This very command made the user before a crash, its answer never recorded: answer it again.
                .recoverWithUni(() -> users.findById(user.id).flatMap(current -> current != null
                        && command.commandId().equals(current.lastCommandId)
                        ? Uni.createFrom().item(created(command, current))
                        : failed(command, ResultStatus.CONFLICT, "the name " + user.username + " is taken")));
    }

    private CommandOutcome created(PersistenceCommand command, UserEntity user) {
        UserRecord record = EntityMapper.toRecord(user);
        return new CommandOutcome(PersistenceResult.ok(command, Json.toTree(record)),
                List.of(grant(user), ChangelogChange.upsert(Topics.USERS, user.id, record)), null);
    }

    public Uni<CommandOutcome> rename(PersistenceCommand command) {
        ValidName valid = validName(command, RenameUserPayload.class, RenameUserPayload::name);
        if (valid.error() != null) {
            return invalid(command, valid.error());
        }
        String newName = valid.name();
        return ownUser(command, "renamed").flatMap(check -> {
            if (check.refusal() != null) {
                return Uni.createFrom().item(check.refusal());
            }
            UserEntity user = check.user();
            if (command.commandId().equals(user.lastCommandId)) {
                return Uni.createFrom().item(changed(command, user, List.of()));
            }
            if (command.expectedVersion() != null && command.expectedVersion() != user.version) {
                return failed(command, ResultStatus.CONFLICT, "user " + user.id + " is at version " + user.version
                        + ", not " + command.expectedVersion());
            }
            long read = user.version;
            user.username = newName;
            user.nameKey = nameKey(newName);
            user.version = read + 1;
            user.lastCommandId = command.commandId();
            return users.mongoCollection()
                    .replaceOne(Filters.and(Filters.eq("_id", user.id), Filters.eq("version", read)), user)
                    .flatMap(result -> result.getMatchedCount() == 1
                            ? Uni.createFrom().item(changed(command, user, List.of()))
                            : failed(command, ResultStatus.CONFLICT, "user " + user.id + " changed meanwhile; try again"))
                    .onFailure(StoreErrors::isDuplicateKey)
                    .recoverWithUni(() -> failed(command, ResultStatus.CONFLICT, "the name " + newName + " is taken"));
        });
    }

    /**
     * The user was seen by an engine at the command's {@code issuedAt}: {@code lastSeenAt} becomes the later of it and
     * the stored time (so a redelivery or a late command never moves it back). Neither a version nor a changelog
     * record: it is for operators (the read API), and engines would only churn on it.
     */
    public Uni<PersistenceResult> markSeen(PersistenceCommand command) {
        if (Guests.isGuest(command) || !command.userId().equals(command.entityId())) {
            return Uni.createFrom().item(PersistenceResult.failed(command, ResultStatus.FORBIDDEN,
                    "a user can be marked seen only by its own command", List.of()));
        }
        if (command.issuedAt() == null) {
            return Uni.createFrom().item(PersistenceResult.failed(command, ResultStatus.INVALID, "the time seen is missing",
                    List.of(new FieldError("/issuedAt", "REQUIRED", "MARK_SEEN takes the time seen from issuedAt"))));
        }
        return users.mongoCollection()
                .updateOne(Filters.eq("_id", command.userId()), Updates.max("lastSeenAt", command.issuedAt().truncatedTo(ChronoUnit.MILLIS)))
                .map(result -> result.getMatchedCount() == 1 ? PersistenceResult.ok(command, null)
                        : PersistenceResult.failed(command, ResultStatus.NOT_FOUND, "no user " + command.userId(), List.of()));
    }

    /** Ends the user's token: a tombstone on the token topic, so engines forget it. Revoking twice is fine. */
    public Uni<CommandOutcome> revokeToken(PersistenceCommand command) {
        return ownUser(command, "signed out").flatMap(check -> {
            if (check.refusal() != null) {
                return Uni.createFrom().item(check.refusal());
            }
            UserEntity user = check.user();
            String hash = user.tokenHash;
            if (hash == null) {
                return Uni.createFrom().item(changed(command, user, List.of()));
            }
            long read = user.version;
            user.tokenHash = null;
            user.version = read + 1;
            user.lastCommandId = command.commandId();
            return users.mongoCollection()
                    .replaceOne(Filters.and(Filters.eq("_id", user.id), Filters.eq("version", read)), user)
                    .flatMap(result -> result.getMatchedCount() == 1
                            ? Uni.createFrom().item(changed(command, user, List.of(ChangelogChange.tombstone(Topics.USER_TOKENS, hash))))
                            : failed(command, ResultStatus.CONFLICT, "user " + user.id + " changed meanwhile; try again"));
        });
    }

    /**
     * Deletes a user whose CREATE_USER answer came too late for its asker (see {@link CommandType#ABANDON_USER}):
     * nobody holds its token, so its name is freed. Only a user untouched since that very create is deleted (version
     * 1, made by the named command, the named token hash): an account anybody used is refused with CONFLICT. A user
     * already gone is fine, so a redelivery or a second engine asking changes nothing.
     */
    public Uni<CommandOutcome> abandon(PersistenceCommand command) {
        AbandonUserPayload payload;
        try {
            payload = Json.convert(command.payload(), AbandonUserPayload.class);
        } catch (JsonReadException e) {
            return invalid(command, new FieldError("/payload" + e.path(), "BAD_PAYLOAD", e.getMessage()));
        }
        if (command.entityId() == null || payload == null || payload.createCommandId() == null
                || !TokenGrant.isHash(payload.tokenHash())) {
            return invalid(command, new FieldError("/payload", "REQUIRED",
                    "abandoning a user needs its id, the commandId of its create and its token hash"));
        }
        ObjectNode gone = Json.mapper().createObjectNode().put("id", command.entityId());
        return users.findById(command.entityId()).flatMap(user -> {
            if (user == null) {
                return Uni.createFrom().item(CommandOutcome.unchanged(PersistenceResult.ok(command, gone)));
            }
            if (user.isDefault || user.version != 1 || !payload.createCommandId().equals(user.lastCommandId)
                    || !payload.tokenHash().equals(user.tokenHash)) {
                return failed(command, ResultStatus.CONFLICT, "user " + user.id + " is in use; it is kept");
            }
            return users.mongoCollection()
                    .deleteOne(Filters.and(Filters.eq("_id", user.id), Filters.eq("version", 1L),
                            Filters.eq("lastCommandId", payload.createCommandId())))
                    .map(result -> result.getDeletedCount() == 1
                            ? new CommandOutcome(PersistenceResult.ok(command, gone),
                                    List.of(ChangelogChange.tombstone(Topics.USER_TOKENS, payload.tokenHash()),
                                            ChangelogChange.tombstone(Topics.USERS, user.id)), null)
                            : CommandOutcome.unchanged(PersistenceResult.failed(command, ResultStatus.CONFLICT,
                                    "user " + user.id + " changed meanwhile; it is kept", List.of())));
        });
    }

    /** The token record of a user who has one (for republishing at start), or null. */
    public static ChangelogChange grant(UserEntity user) {
        return user.tokenHash == null ? null : ChangelogChange.upsert(Topics.USER_TOKENS, user.tokenHash,
                new TokenGrant(MessageSchema.CURRENT, user.tokenHash, user.id));
    }

    private CommandOutcome changed(PersistenceCommand command, UserEntity user, List<ChangelogChange> tokenChanges) {
        UserRecord record = EntityMapper.toRecord(user);
        List<ChangelogChange> changes = new ArrayList<>(tokenChanges);
        changes.add(ChangelogChange.upsert(Topics.USERS, user.id, record));
        return new CommandOutcome(PersistenceResult.ok(command, Json.toTree(record)), changes, null);
    }

    private record OwnUser(UserEntity user, CommandOutcome refusal) {
    }

    /** The command's own user (a user may change only themself; the default user is read-only). */
    private Uni<OwnUser> ownUser(PersistenceCommand command, String change) {
        if (Guests.isGuest(command)) {
            return Uni.createFrom().item(new OwnUser(null, Guests.refusal(command, "user")));
        }
        if (command.entityId() != null && !command.entityId().equals(command.userId())) {
            return refusedUser(command, ResultStatus.FORBIDDEN, "a user can only be " + change + " by themself");
        }
        return users.findById(command.userId()).flatMap(user -> {
            if (user == null) {
                return refusedUser(command, ResultStatus.NOT_FOUND, "no user " + command.userId());
            }
            if (user.isDefault) {
                return refusedUser(command, ResultStatus.FORBIDDEN, "the default user cannot be " + change);
            }
            return Uni.createFrom().item(new OwnUser(user, null));
        });
    }

    private Uni<OwnUser> refusedUser(PersistenceCommand command, ResultStatus status, String message) {
        return failed(command, status, message).map(refusal -> new OwnUser(null, refusal));
    }

    /** The trimmed name of a payload, or why there is none. */
    private record ValidName(String name, FieldError error) {
    }

    private static <P> ValidName validName(PersistenceCommand command, Class<P> type, Function<P, String> nameOf) {
        String name;
        try {
            P payload = Json.convert(command.payload(), type);
            name = payload == null ? null : nameOf.apply(payload);
        } catch (JsonReadException e) {
            return new ValidName(null, new FieldError("/payload" + e.path(), "BAD_PAYLOAD", e.getMessage()));
        }
        FieldError error = nameError(name);
        return error != null ? new ValidName(null, error) : new ValidName(name.strip(), null);
    }

    /** Why {@code name} is not a valid user name, or null. */
    private static FieldError nameError(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return new FieldError("/name", "REQUIRED", "a user needs a name");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            return new FieldError("/name", "TOO_LONG", "a name is at most " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            return new FieldError("/name", "BAD_CHARACTERS", "a name cannot contain control characters");
        }
        return null;
    }

    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Uni<CommandOutcome> invalid(PersistenceCommand command, FieldError error) {
        return Uni.createFrom().item(CommandOutcome.unchanged(
                PersistenceResult.failed(command, ResultStatus.INVALID, "the user is not valid", List.of(error))));
    }

    private static Uni<CommandOutcome> failed(PersistenceCommand command, ResultStatus status, String message) {
        return Uni.createFrom().item(CommandOutcome.unchanged(PersistenceResult.failed(command, status, message, List.of())));
    }

}
