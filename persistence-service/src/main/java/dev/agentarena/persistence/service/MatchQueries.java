package dev.agentarena.persistence.service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.ListMatchesPayload;
import dev.agentarena.contracts.messages.MatchPage;
import dev.agentarena.contracts.messages.MatchResult;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.persistence.entity.MatchEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.MatchRepository;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.conversions.Bson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Match history, newest first, paged by an opaque cursor (the last match's end time and event id): a page never
 * repeats or skips a match even while new ones arrive. Used by the LIST_MATCHES read and the ops REST API.
 */
@ApplicationScoped
public class MatchQueries {

    private final MatchRepository matches;

    public MatchQueries(MatchRepository matches) {
        this.matches = matches;
    }

    /** The LIST_MATCHES read: its answer is an OK result with a {@link MatchPage}, or INVALID. */
    public Uni<PersistenceResult> list(PersistenceCommand command) {
        ListMatchesPayload payload;
        try {
            payload = command.payload() == null ? new ListMatchesPayload(null, null, null)
                    : Json.convert(command.payload(), ListMatchesPayload.class);
        } catch (JsonReadException e) {
            return invalid(command, new FieldError("/payload" + e.path(), "BAD_PAYLOAD", e.getMessage()));
        }
        Optional<FieldError> error = errorIn(payload);
        if (error.isPresent()) {
            return invalid(command, error.get());
        }
        return read(payload).map(page -> PersistenceResult.ok(command, Json.toTree(page)));
    }

    /** What is wrong with a query (a limit outside 1..50, a cursor this class did not make), if anything. */
    public Optional<FieldError> errorIn(ListMatchesPayload payload) {
        if (payload.limit() != null && (payload.limit() < 1 || payload.limit() > ListMatchesPayload.MAX_LIMIT)) {
            return Optional.of(new FieldError("/limit", "OUT_OF_RANGE", "limit is 1 to " + ListMatchesPayload.MAX_LIMIT));
        }
        try {
            if (payload.before() != null) {
                Cursor.parse(payload.before());
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(new FieldError("/before", "BAD_CURSOR", "not a cursor from a previous page"));
        }
        return Optional.empty();
    }

    /** The page a valid query ({@link #errorIn} found nothing) asks for. */
    public Uni<MatchPage> read(ListMatchesPayload payload) {
        int limit = payload.limit() == null ? ListMatchesPayload.DEFAULT_LIMIT : payload.limit();
        return page(payload.worldId(), payload.before() == null ? null : Cursor.parse(payload.before()), limit);
    }

    /** Up to {@code limit} matches older than {@code before} (null: the newest), of one world or all (null). */
    private Uni<MatchPage> page(String worldId, Cursor before, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (worldId != null) {
            filters.add(Filters.eq("worldId", worldId));
        }
        if (before != null) {
            filters.add(Filters.or(Filters.lt("endedAt", before.endedAt()),
                    Filters.and(Filters.eq("endedAt", before.endedAt()), Filters.lt("_id", before.eventId()))));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        return matches.mongoCollection().find(filter, new FindOptions()
                        .sort(Sorts.descending("endedAt", "_id")).limit(limit + 1))
                .collect().asList()
                .map(found -> {
                    List<MatchEntity> shown = found.subList(0, Math.min(limit, found.size()));
                    List<MatchResult> results = shown.stream()
                            .map(match -> Json.read(match.result.toJson(EntityMapper.PLAIN_JSON), MatchResult.class)).toList();
                    String next = found.size() > limit
                            ? new Cursor(shown.get(shown.size() - 1).endedAt, shown.get(shown.size() - 1).eventId).encode() : null;
                    return new MatchPage(results, next);
                });
    }

    /** A position in the newest-first order. */
    record Cursor(Instant endedAt, String eventId) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((endedAt.toEpochMilli() + ":" + eventId).getBytes(StandardCharsets.UTF_8));
        }

        /** Throws IllegalArgumentException for anything that is not a cursor this class made. */
        static Cursor parse(String text) {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(decoded.substring(0, colon))), decoded.substring(colon + 1));
        }
    }

    private static Uni<PersistenceResult> invalid(PersistenceCommand command, FieldError error) {
        return Uni.createFrom().item(PersistenceResult.failed(command, ResultStatus.INVALID, "list_matches is not valid", List.of(error)));
    }
}
