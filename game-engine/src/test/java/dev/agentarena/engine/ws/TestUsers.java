package dev.agentarena.engine.ws;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.engine.auth.Authenticator;
import dev.agentarena.testing.KafkaTestClient;
import dev.agentarena.testing.Polling;
import io.quarkus.arc.Arc;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Signs users in for engine tests the way the persistence service would: the user on {@code arena.users}, its
 * token's hash on {@code arena.users.tokens}; then waits until the running engine knows them.
 */
public final class TestUsers {

    /** A signed-in test user: its id and the token to present. */
    public record SignedIn(String id, String name, String token) {

        public Map<String, String> bearer() {
            return Map.of("Authorization", "Bearer " + token);
        }

        public String tokenHash() {
            return TokenGrant.hashOf(token);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestUsers() {
    }

    public static SignedIn signIn(KafkaTestClient kafka, String name) {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        SignedIn user = new SignedIn(UUID.randomUUID().toString(), name,
                Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
        kafka.send(Topics.USERS, user.id(), Json.write(new UserRecord(MessageSchema.CURRENT, user.id(), name, false,
                Map.of("theme", "dark", "notifications", true), Instant.now(), 1)));
        kafka.send(Topics.USER_TOKENS, user.tokenHash(),
                Json.write(new TokenGrant(MessageSchema.CURRENT, user.tokenHash(), user.id())));
        Authenticator authenticator = Arc.container().instance(Authenticator.class).get();
        if (Polling.until(() -> authenticator.identify(user.tokenHash()).isGuest(), guest -> !guest, Duration.ofSeconds(15))) {
            throw new AssertionError("the engine did not learn " + name + "'s token in 15 s");
        }
        return user;
    }

    /** Revokes a token as persistence does: a tombstone under its hash. */
    public static void revoke(KafkaTestClient kafka, SignedIn user) {
        kafka.send(Topics.USER_TOKENS, user.tokenHash(), null);
    }
}
