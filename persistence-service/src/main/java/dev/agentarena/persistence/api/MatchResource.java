package dev.agentarena.persistence.api;

import dev.agentarena.contracts.messages.ListMatchesPayload;
import dev.agentarena.contracts.messages.MatchPage;
import dev.agentarena.persistence.service.MatchQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** Match history for operators, read-only: the same pages, cursor and limits as the LIST_MATCHES read. */
@Path("/api/matches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matches", description = "Finished rounds, newest first")
public class MatchResource {

    private final MatchQueries queries;

    public MatchResource(MatchQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "One page of finished rounds, newest first (by end time, then event id)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MatchPage.class)))
    @APIResponse(responseCode = "400", description = "limit outside 1..50, or a cursor this API did not give",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> list(@Parameter(description = "only this world's rounds") @QueryParam("worldId") String worldId,
                              @Parameter(description = "nextCursor of the previous page") @QueryParam("before") String before,
                              @Parameter(description = "1 to 50, default 20") @QueryParam("limit") Integer limit) {
        ListMatchesPayload query = new ListMatchesPayload(worldId, before, limit);
        return queries.errorIn(query)
                .map(error -> Uni.createFrom().item(ApiError.badRequest(error)))
                .orElseGet(() -> queries.read(query).map(page -> Response.ok(page).build()));
    }
}
