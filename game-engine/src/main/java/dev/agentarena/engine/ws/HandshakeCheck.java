package dev.agentarena.engine.ws;

import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.engine.auth.OriginPolicy;
import dev.agentarena.engine.auth.PresentedToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The WebSocket handshake, before the upgrade: a page of a foreign origin is refused with 403 (so it cannot drive a
 * signed-in user's socket), and the hash of the token presented by {@code Authorization: Bearer} or the session
 * cookie is handed to the connection ({@link #TOKEN_HASH}); {@link WorldSocket} then tells who the client is.
 */
@ApplicationScoped
public class HandshakeCheck implements HttpUpgradeCheck {

    /** The presented token's hash, absent when none was presented. The token itself is kept nowhere. */
    static final UserData.TypedKey<String> TOKEN_HASH = UserData.TypedKey.forString("arena.token-hash");

    private final OriginPolicy origins;
    private final MeterRegistry registry;

    public HandshakeCheck(OriginPolicy origins, MeterRegistry registry) {
        this.origins = origins;
        this.registry = registry;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (!origins.allows(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
            registry.counter("arena.engine.ws.connections.refused", "limit", "origin").increment();
            return CheckResult.rejectUpgrade(403);
        }
        PresentedToken.from(request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader(HttpHeaders.COOKIE))
                .ifPresent(token -> context.userData().put(TOKEN_HASH, TokenGrant.hashOf(token)));
        return CheckResult.permitUpgrade();
    }
}
