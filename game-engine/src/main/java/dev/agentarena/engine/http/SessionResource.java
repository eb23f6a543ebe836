package dev.agentarena.engine.http;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.CreateUserPayload;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.contracts.messages.TokenGrant;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.engine.auth.Authenticator;
import dev.agentarena.engine.auth.Identity;
import dev.agentarena.engine.auth.OriginPolicy;
import dev.agentarena.engine.auth.PresentedToken;
import dev.agentarena.engine.messaging.PersistenceClient;
import dev.agentarena.engine.messaging.PersistenceReply;
import dev.agentarena.engine.view.TokenView;
import dev.agentarena.engine.view.UserView;
import dev.agentarena.engine.ws.ErrorCode;
import dev.agentarena.engine.ws.PersistenceReplies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-in and sign-out. {@code POST /api/session {name}} creates the user through the persistence service's
 * CREATE_USER command and hands out its token once: in the body and as an {@code HttpOnly; SameSite=Strict} cookie.
 * {@code DELETE /api/session} revokes the presented token (REVOKE_TOKEN) and clears the cookie. The token is never
 * logged. Requests from another site's page are refused like WebSocket handshakes ({@link OriginPolicy}). A sign-in
 * answered TIMEOUT whose user is created after all gives up that user ({@link UnclaimedUsers}), so no name is lost.
 */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** The body of {@code POST /api/session}. */
    public record SignInRequest(String name) {
    }

    /** The user as this endpoint shows it. */
    public record SessionUser(String id, String name, Map<String, Object> settings, Instant createdAt) {
        static SessionUser of(UserRecord user) {
            return new SessionUser(user.id(), user.username(), user.settings(), user.createdAt());
        }
    }

    /** A new session: the token (shown this once) and its user. */
    public record Session(String token, SessionUser user) {
    }

    /** Every refusal: a stable {@code code} (as the WebSocket protocol's), a message for people, field errors. */
    public record ApiError(String code, String message, List<FieldError> errors) {
    }

    /** Long-lived like the token it carries, which ends when it is revoked, not when the browser closes. */
    private static final long COOKIE_MAX_AGE_SECONDS = 365L * 24 * 3600;

    private final PersistenceClient persistence;
    private final TokenView tokens;
    private final UserView users;
    private final Authenticator authenticator;
    private final OriginPolicy origins;
    private final UnclaimedUsers unclaimed;

    public SessionResource(PersistenceClient persistence, TokenView tokens, UserView users, Authenticator authenticator,
                           OriginPolicy origins, UnclaimedUsers unclaimed) {
        this.persistence = persistence;
        this.tokens = tokens;
        this.users = users;
        this.authenticator = authenticator;
        this.origins = origins;
        this.unclaimed = unclaimed;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> signIn(SignInRequest request, @HeaderParam("Origin") String origin,
                                @HeaderParam(HttpHeaders.HOST) String host) {
        if (!origins.allows(origin, host)) {
            return Uni.createFrom().item(foreignOrigin());
        }
        if (request == null) {
            return Uni.createFrom().item(error(Response.Status.BAD_REQUEST, ErrorCode.INVALID_NAME.name(), "send {\"name\": ...}",
                    List.of(new FieldError("/name", "REQUIRED", "a user needs a name"))));
        }
        // Made here and handed to the browser only: the command carries its hash, so no Kafka record holds the token.
        String token = TokenGrant.newToken();
        String tokenHash = TokenGrant.hashOf(token);
        PersistenceCommand command = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.CREATE_USER, null,
                UUID.randomUUID().toString(), null, Json.toTree(new CreateUserPayload(request.name(), tokenHash)));
        Uni<PersistenceResult> created = Uni.createFrom().emitter(emitter -> persistence.request("sign-in/" + command.commandId(),
                () -> command, new PersistenceReply() {
                    @Override
                    public void onResult(PersistenceResult result) {
                        emitter.complete(result);
                    }

                    @Override
                    public void onLateResult(PersistenceResult result) {
                        unclaimed.lateResult(command, result);
                    }
                }));
        return created.map(result -> {
            if (result.status() != ResultStatus.OK) {
                return refusal(result);
            }
            UserRecord user = MessageSchema.convert(result.entity(), UserRecord.class);
            // Known here at once, so the client's next handshake is signed in before the changelogs come round.
            users.upsert(user);
            tokens.grant(new TokenGrant(MessageSchema.CURRENT, tokenHash, user.id()));
            return Response.status(Response.Status.CREATED)
                    .header(HttpHeaders.SET_COOKIE, cookie(token, COOKIE_MAX_AGE_SECONDS))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(new Session(token, SessionUser.of(user)))
                    .build();
        });
    }

    /** Signs out: revokes the presented token (none, or an unknown one, has nothing to revoke) and clears the cookie. */
    @DELETE
    public Uni<Response> signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @HeaderParam(HttpHeaders.COOKIE) String cookies, @HeaderParam("Origin") String origin,
                                 @HeaderParam(HttpHeaders.HOST) String host) {
        if (!origins.allows(origin, host)) {
            return Uni.createFrom().item(foreignOrigin());
        }
        Identity identity = authenticator.identify(PresentedToken.from(authorization, cookies));
        if (identity.isGuest()) {
            return Uni.createFrom().item(signedOut());
        }
        String userId = identity.user().id();
        PersistenceCommand command = PersistenceCommand.of(UUID.randomUUID().toString(), CommandType.REVOKE_TOKEN, userId,
                userId, null, null);
        return ask(command).map(result -> {
            if (result.status() != ResultStatus.OK) {
                return refusal(result);
            }
            users.upsert(MessageSchema.convert(result.entity(), UserRecord.class));
            // At once on this engine: its connections with this token turn into guests now, not when the tombstone comes.
            tokens.revoke(identity.tokenHash());
            return signedOut();
        });
    }

    private Uni<PersistenceResult> ask(PersistenceCommand command) {
        return Uni.createFrom().emitter(emitter -> persistence.send(command, emitter::complete));
    }

    private static Response signedOut() {
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    private static String cookie(String value, long maxAgeSeconds) {
        return PresentedToken.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict";
    }

    /** A persistence refusal as HTTP: a bad name 400, a taken one 409, no answer 504 / 503, anything else 502. */
    private static Response refusal(PersistenceResult result) {
        ErrorCode code = PersistenceReplies.codeOf(result, ErrorCode.INVALID_NAME);
        Response.Status status = switch (code) {
            case INVALID_NAME -> Response.Status.BAD_REQUEST;
            case CONFLICT -> Response.Status.CONFLICT;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case TIMEOUT -> Response.Status.GATEWAY_TIMEOUT;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
            default -> Response.Status.BAD_GATEWAY;
        };
        return error(status, code.name(), result.message(), result.errors());
    }

    private static Response foreignOrigin() {
        return error(Response.Status.FORBIDDEN, "FORBIDDEN", "requests from this origin are not allowed", List.of());
    }

    private static Response error(Response.Status status, String code, String message, List<FieldError> errors) {
        return Response.status(status).entity(new ApiError(code, message, errors)).build();
    }
}
