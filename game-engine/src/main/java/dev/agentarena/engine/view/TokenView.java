package dev.agentarena.engine.view;

import dev.agentarena.contracts.messages.TokenGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's copy of the sign-in tokens in force, rebuilt from the compacted {@code arena.users.tokens} topic: token
 * hash → user id. A presented token is checked here (its SHA-256, {@link TokenGrant#hashOf}) without a round trip.
 * Only hashes are held; a hash is no token, so this view grants nothing to whoever reads it.
 */
@ApplicationScoped
public class TokenView {

    /** A token in force was revoked; connections signed in with it must stop acting as its user. */
    public record TokenRevoked(String tokenHash, String userId) {
    }

    /** A token in force was presented (a sign-in check or a connection): its user is being seen now. */
    public record TokenUsed(String userId) {
    }

    private final Map<String, String> userByHash = new ConcurrentHashMap<>();
    private final Event<TokenRevoked> revoked;
    private final Event<TokenUsed> used;

    public TokenView(Event<TokenRevoked> revoked, Event<TokenUsed> used) {
        this.revoked = revoked;
        this.used = used;
    }

    public void grant(TokenGrant grant) {
        userByHash.put(grant.tokenHash(), grant.userId());
    }

    /** Forgets {@code tokenHash} and, when it was in force, fires {@link TokenRevoked} (at most once per hash). */
    public void revoke(String tokenHash) {
        String userId = userByHash.remove(tokenHash);
        if (userId != null) {
            revoked.fire(new TokenRevoked(tokenHash, userId));
        }
    }

    /** The user a token hash belongs to, while it is in force; a hit fires {@link TokenUsed}. */
    public Optional<String> userOf(String tokenHash) {
        String userId = userByHash.get(tokenHash);
        if (userId != null) {
            used.fire(new TokenUsed(userId));
        }
        return Optional.ofNullable(userId);
    }
}
