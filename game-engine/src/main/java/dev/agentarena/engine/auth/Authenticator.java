package dev.agentarena.engine.auth;

import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.engine.view.TokenView;
import dev.agentarena.engine.view.UserView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Tells who presents a token, from the engine's own views: no round trip to the persistence service. */
@ApplicationScoped
public class Authenticator {

    private final TokenView tokens;
    private final UserView users;

    public Authenticator(TokenView tokens, UserView users) {
        this.tokens = tokens;
        this.users = users;
    }

    /**
     * The user of a token hash in force; a guest for none, an unknown or revoked one, or one whose user this engine
     * has not heard of yet.
     */
    public Identity identify(String tokenHash) {
        return Optional.ofNullable(tokenHash)
                .flatMap(tokens::userOf)
                .flatMap(users::find)
                .filter(user -> !user.isDefault())
                .map(user -> new Identity(user, tokenHash))
                .orElseGet(this::guest);
    }

    /** The identity of a presented token (see {@link PresentedToken}). */
    public Identity identify(Optional<String> token) {
        return identify(token.map(TokenGrant::hashOf).orElse(null));
    }

    public Identity guest() {
        return Identity.guest(users.defaultUser());
    }
}
