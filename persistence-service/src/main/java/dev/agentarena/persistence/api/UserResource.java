package dev.agentarena.persistence.api;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.contracts.messages.ConfigRecord;
import dev.agentarena.contracts.messages.UserRecord;
import dev.agentarena.persistence.entity.UserEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.BehaviorRepository;
import dev.agentarena.persistence.repository.ConfigRepository;
import dev.agentarena.persistence.repository.UserRepository;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Users and what they own, for operators, read-only. A user is shown as the {@code arena.users} changelog shows it,
 * plus when an engine last saw it ({@code lastSeenAt}, kept out of the changelog): never its token hash. A user has at most its quota of configs and behaviors (100 each by default), so those come
 * whole; the users themselves come in pages by id.
 */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "Users (without secrets) and their configs and behaviors")
public class UserResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /** One page of users by id; {@code nextCursor} (pass it as {@code after}) is null on the last. */
    public record UserPage(List<UserSummary> users, String nextCursor) {
    }

    /** A user without secrets: its changelog record's fields and {@code lastSeenAt} (null until an engine saw it). */
    public record UserSummary(String id, String username, boolean isDefault, Map<String, Object> settings,
                              Instant createdAt, Instant lastSeenAt, long version) {

        static UserSummary of(UserEntity entity) {
            UserRecord shown = EntityMapper.toRecord(entity);
            return new UserSummary(shown.id(), shown.username(), shown.isDefault(), shown.settings(), shown.createdAt(),
                    entity.lastSeenAt, shown.version());
        }
    }

    private final UserRepository users;
    private final ConfigRepository configs;
    private final BehaviorRepository behaviors;

    public UserResource(UserRepository users, ConfigRepository configs, BehaviorRepository behaviors) {
        this.users = users;
        this.configs = configs;
        this.behaviors = behaviors;
    }

    @GET
    @Operation(summary = "One page of users, by id")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserPage.class)))
    @APIResponse(responseCode = "400", description = "limit outside 1..100",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> list(@Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
                              @Parameter(description = "1 to 100, default 50") @QueryParam("limit") Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            return Uni.createFrom().item(ApiError.badRequest(
                    new FieldError("/limit", "OUT_OF_RANGE", "limit is 1 to " + MAX_LIMIT)));
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        return users.mongoCollection()
                .find(after == null ? Filters.empty() : Filters.gt("_id", after),
                        new FindOptions().sort(Sorts.ascending("_id")).limit(size + 1))
                .collect().asList()
                .map(found -> {
                    List<UserSummary> page = found.subList(0, Math.min(size, found.size())).stream()
                            .map(UserSummary::of).toList();
                    String next = found.size() > size ? page.get(size - 1).id() : null;
                    return Response.ok(new UserPage(page, next)).build();
                });
    }

    @GET
    @Path("/{userId}")
    @Operation(summary = "One user")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserSummary.class)))
    @APIResponse(responseCode = "404", description = "no such user")
    public Uni<Response> user(@PathParam("userId") String userId) {
        return users.findById(userId).map(user -> user == null ? noUser(userId)
                : Response.ok(UserSummary.of(user)).build());
    }

    @GET
    @Path("/{userId}/configs")
    @Operation(summary = "The configs a user owns, by name")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConfigRecord[].class)))
    @APIResponse(responseCode = "404", description = "no such user")
    public Uni<Response> configs(@PathParam("userId") String userId) {
        return ownedBy(userId, () -> configs.list("ownerId", userId), EntityMapper::toRecord, ConfigRecord::name,
                ConfigRecord::id);
    }

    @GET
    @Path("/{userId}/behaviors")
    @Operation(summary = "The behaviors a user owns, by name")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BehaviorRecord[].class)))
    @APIResponse(responseCode = "404", description = "no such user")
    public Uni<Response> behaviors(@PathParam("userId") String userId) {
        return ownedBy(userId, () -> behaviors.list("ownerId", userId), EntityMapper::toRecord, BehaviorRecord::name,
                BehaviorRecord::id);
    }

    /** What {@code userId} owns as records by name (ignoring case), then id; 404 when there is no such user. */
    private <E, R> Uni<Response> ownedBy(String userId, Supplier<Uni<List<E>>> owned, Function<E, R> toRecord,
                                         Function<R, String> name, Function<R, String> id) {
        Comparator<R> byName = Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER).thenComparing(id);
        return users.findById(userId).chain(user -> user == null ? Uni.createFrom().item(noUser(userId))
                : owned.get().map(found -> Response.ok(found.stream().map(toRecord).sorted(byName).toList()).build()));
    }

    private static Response noUser(String userId) {
        return ApiError.notFound("no user " + userId);
    }
}
