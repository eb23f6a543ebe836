package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.behavior.Diagnostic;
import dev.agentarena.behavior.LocatedDiagnostic;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmDescription;
import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmTokens;
import dev.agentarena.contracts.messages.MatchResult;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.engine.auth.Identity;
import dev.agentarena.engine.stream.WorldCopy;
import dev.agentarena.engine.world.WorldInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Every JSON message the server sends (protocol v1; see docs/protocol.md). Each has {@code type} first. */
public final class ServerMessages {

    public static final int PROTOCOL_VERSION = 1;

    private ServerMessages() {
    }

    /** Who a connection acts as; {@code guest}: no token in force (the read-only default user's identity). */
    public record UserInfo(String id, String username, boolean isDefault, boolean guest, Map<String, Object> settings) {
        public static UserInfo of(Identity identity) {
            UserRecord user = identity.user();
            return new UserInfo(user.id(), user.username(), user.isDefault(), identity.isGuest(), user.settings());
        }
    }

    /** The connection's token was revoked (signed out here or elsewhere): from now on it is a guest. */
    public record SignedOut(String type, UserInfo user, String message) {
        public SignedOut(UserInfo user, String message) {
            this("signed_out", user, message);
        }
    }

    /**
     * The reply to rename_user, and (without requestId) the event a user's other connections get when their name
     * changed.
     */
    public record UserRenamed(String type, String requestId, UserInfo user) {
        public UserRenamed(String requestId, UserInfo user) {
            this("user_renamed", requestId, user);
        }
    }

    /**
     * {@code resumeToken}: sent back in {@code resume} after a reconnect, it returns what this connection missed.
     * {@code engines}: where the engines that are up are reached (this one included), for a client whose engine
     * goes away to reconnect elsewhere.
     */
    public record Welcome(String type, int protocolVersion, String connectionId, UserInfo user, Object world,
                          String resumeToken, List<String> engines) {
        public Welcome(String connectionId, UserInfo user, Object world, String resumeToken, List<String> engines) {
            this("welcome", PROTOCOL_VERSION, connectionId, user, world, resumeToken, engines);
        }
    }

    /** The world runs on another engine, reached at {@code url}: connect there (the connection is then closed). */
    public record WorldMoved(String type, String worldId, String url) {
        public WorldMoved(String worldId, String url) {
            this("world_moved", worldId, url);
        }
    }

    public record Error(String type, String requestId, ErrorCode code, String message, List<FieldError> errors) {
        public Error(String requestId, ErrorCode code, String message, List<FieldError> errors) {
            this("error", requestId, code, message, errors);
        }
    }

    public record ConfigSaved(String type, String requestId, ConfigRecord config) {
        public ConfigSaved(String requestId, ConfigRecord config) {
            this("config_saved", requestId, config);
        }
    }

    public record ConfigDeleted(String type, String requestId, String configId) {
        public ConfigDeleted(String requestId, String configId) {
            this("config_deleted", requestId, configId);
        }
    }

    /** One page of list_configs; {@code nextCursor} asks for the next page and is null on the last. */
    public record ConfigList(String type, String requestId, List<ConfigRecord> configs, String nextCursor) {
        public ConfigList(String requestId, List<ConfigRecord> configs, String nextCursor) {
            this("config_list", requestId, configs, nextCursor);
        }
    }

    /** Broadcast to a world's other viewers when a config was saved or deleted. */
    public record ConfigListChanged(String type, String configId, String change) {
        public ConfigListChanged(String configId, String change) {
            this("config_list_changed", configId, change);
        }
    }

    /** The reply to validate_behavior: nothing is saved; each diagnostic also says where it is in the document's text. */
    public record BehaviorValidation(String type, String requestId, boolean ok, List<LocatedDiagnostic> diagnostics) {
        public BehaviorValidation(String requestId, boolean ok, List<LocatedDiagnostic> diagnostics) {
            this("behavior_validation", requestId, ok, diagnostics);
        }
    }

    /** An {@code error INVALID_BEHAVIOR}: the diagnostics as field errors, and in full (with line and column). */
    public record InvalidBehavior(String type, String requestId, ErrorCode code, String message, List<FieldError> errors,
                                  List<LocatedDiagnostic> diagnostics) {
        public InvalidBehavior(String requestId, List<FieldError> errors, List<LocatedDiagnostic> diagnostics) {
            this("error", requestId, ErrorCode.INVALID_BEHAVIOR, "the behavior is not valid", errors, diagnostics);
        }
    }

    public record BehaviorSaved(String type, String requestId, BehaviorRecord behavior) {
        public BehaviorSaved(String requestId, BehaviorRecord behavior) {
            this("behavior_saved", requestId, behavior);
        }
    }

    public record BehaviorDeleted(String type, String requestId, String behaviorId) {
        public BehaviorDeleted(String requestId, String behaviorId) {
            this("behavior_deleted", requestId, behaviorId);
        }
    }

    /** One entry of behavior_list; built-ins have no owner-editable version and {@code updatedAt} null. */
    public record BehaviorSummary(String id, String name, boolean builtIn, String ownerId, long version,
                                  Instant updatedAt, JsonNode document) {
    }

    /** One page of list_behaviors; {@code nextCursor} asks for the next page and is null on the last. */
    public record BehaviorList(String type, String requestId, List<BehaviorSummary> behaviors, String nextCursor) {
        public BehaviorList(String requestId, List<BehaviorSummary> behaviors, String nextCursor) {
            this("behavior_list", requestId, behaviors, nextCursor);
        }
    }

    /** Broadcast to a world's other viewers when a behavior was saved or deleted. */
    public record BehaviorListChanged(String type, String behaviorId, String change) {
        public BehaviorListChanged(String behaviorId, String change) {
            this("behavior_list_changed", behaviorId, change);
        }
    }

    /** Broadcast to every viewer of a world: a team ({@code team}) or chosen agents ({@code agentIds}) got a behavior. */
    public record BehaviorAssigned(String type, String behaviorId, Integer team, List<Long> agentIds) {
        public BehaviorAssigned(String behaviorId, Integer team, List<Long> agentIds) {
            this("behavior_assigned", behaviorId, team, agentIds);
        }
    }

    public record LlmProgress(String type, String requestId, String stage, int attempt, String text) {
        public LlmProgress(String requestId, String stage, int attempt, String text) {
            this("llm_progress", requestId, stage, attempt, text);
        }
    }

    /** The copilot's answer: {@code behavior} validated and checked (null for a pure question); see docs/llm.md. */
    public record LlmResponse(String type, String requestId, String text, JsonNode behavior, LlmDescription description,
                              List<LlmCheck> checks, String provider, String model, boolean offline, LlmTokens tokens) {
        public LlmResponse(String requestId, LlmEvent done) {
            this("llm_response", requestId, done.text(), done.behavior(), done.description(), done.checks(),
                    done.provider(), done.model(), done.offline(), done.tokens());
        }
    }

    /** The copilot failed: LLM_FAILED, LLM_UNAVAILABLE or RATE_LIMITED, with the last attempt's diagnostics. */
    public record LlmError(String type, String requestId, ErrorCode code, String message, List<FieldError> errors,
                           List<Diagnostic> diagnostics) {
        public LlmError(String requestId, ErrorCode code, String message, List<Diagnostic> diagnostics) {
            this("error", requestId, code, message, List.of(), diagnostics == null ? List.of() : diagnostics);
        }
    }

    /** One page of list_matches, newest first; {@code nextCursor} (sent back as {@code before}) is null on the last. */
    public record MatchList(String type, String requestId, List<MatchResult> matches, String nextCursor) {
        public MatchList(String requestId, List<MatchResult> matches, String nextCursor) {
            this("match_list", requestId, matches, nextCursor);
        }
    }

    /** The reply to watch_agent: the agent now watched, null when the watch stopped. */
    public record AgentWatched(String type, String requestId, Long agentId) {
        public AgentWatched(String requestId, Long agentId) {
            this("agent_watched", requestId, agentId);
        }
    }

    /**
     * A watched agent's details, about 4 a second while watched; {@code gone}: the agent is not in the world, the
     * watch has ended and every other field is null. Damage, kills and deaths count since the agent joined.
     */
    public record AgentDetails(String type, String worldId, long agentId, long tick, boolean gone, Integer team,
                               Boolean alive, Double health, Double maxHealth, Double x, Double y, Integer kills,
                               Integer deaths, Double damageDealt, Double damageTaken, Double lifetime, String behavior,
                               String rule, Boolean spawnProtected) {

        static AgentDetails of(String worldId, long agentId, WorldCopy copy, int slot) {
            return new AgentDetails("agent_details", worldId, agentId, copy.tick(), false, copy.team(slot),
                    copy.alive(slot), copy.health(slot), copy.maxHealth(), copy.x(slot), copy.y(slot), copy.kills(slot),
                    copy.deaths(slot), copy.damageDealt(slot), copy.damageTaken(slot), copy.lifetime(slot),
                    copy.behavior(slot), copy.state(slot), copy.spawnProtected(slot));
        }

        static AgentDetails gone(String worldId, long agentId, long tick) {
            return new AgentDetails("agent_details", worldId, agentId, tick, true, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null);
        }
    }

    /** A world command was accepted into the world's queue. */
    public record CommandAccepted(String type, String requestId, String command) {
        public CommandAccepted(String requestId, String command) {
            this("command_accepted", requestId, command);
        }
    }

    public record WorldList(String type, String requestId, List<WorldInfo> worlds) {
        public WorldList(String requestId, List<WorldInfo> worlds) {
            this("world_list", requestId, worlds);
        }
    }

    public record WorldCreated(String type, String requestId, WorldInfo world) {
        public WorldCreated(String requestId, WorldInfo world) {
            this("world_created", requestId, world);
        }
    }

    /** The reply to delete_world, and the event its viewers get (without a requestId). */
    public record WorldDeleted(String type, String requestId, String worldId) {
        public WorldDeleted(String requestId, String worldId) {
            this("world_deleted", requestId, worldId);
        }
    }
}
