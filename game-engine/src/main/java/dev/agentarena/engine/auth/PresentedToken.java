package dev.agentarena.engine.auth;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

import java.util.Optional;

/**
 * The sign-in token a request presents: {@code Authorization: Bearer <token>}, else the session cookie. Never a URL
 * parameter (URLs end up in logs and histories). Whatever is presented is only ever hashed, never logged.
 */
public final class PresentedToken {

    /** The cookie {@code POST /api/session} sets. */
    public static final String COOKIE = "arena_session";

    /** Far longer than a real token (43 characters): anything longer is not one, and is not worth hashing. */
    private static final int MAX_LENGTH = 256;
    private static final String BEARER = "Bearer ";

    private PresentedToken() {
    }

    /** The token of a request's {@code Authorization} and {@code Cookie} headers (either may be null). */
    public static Optional<String> from(String authorization, String cookieHeader) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return plausible(authorization.substring(BEARER.length()).strip());
        }
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (Cookie cookie : ServerCookieDecoder.LAX.decode(cookieHeader)) {
            if (COOKIE.equals(cookie.name())) {
                return plausible(cookie.value());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> plausible(String token) {
        return token.isEmpty() || token.length() > MAX_LENGTH ? Optional.empty() : Optional.of(token);
    }
}
