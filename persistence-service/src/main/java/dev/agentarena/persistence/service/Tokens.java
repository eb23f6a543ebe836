package dev.agentarena.persistence.service;

import dev.agentarena.contracts.messages.TokenGrant;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Sign-in tokens: 256 random bits, base64url. Only their SHA-256 is stored and published: for a random 256-bit secret
 * a fast hash is enough (nothing to guess from), and the hash itself is no token, so knowing it grants nothing.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return BASE64URL.encodeToString(bits);
    }

    public static String hash(String token) {
        return TokenGrant.hashOf(token);
    }
}
