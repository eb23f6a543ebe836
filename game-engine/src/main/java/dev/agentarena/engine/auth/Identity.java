package dev.agentarena.engine.auth;

import dev.agentarena.contracts.messages.UserRecord;

/**
 * Who a client acts as: a signed-in user with the hash of the token they presented, or a guest ({@code tokenHash}
 * null), who acts as the read-only default user: they watch and use the defaults but store nothing.
 */
public record Identity(UserRecord user, String tokenHash) {

    public static Identity guest(UserRecord defaultUser) {
        return new Identity(defaultUser, null);
    }

    public boolean isGuest() {
        return tokenHash == null;
    }
}
