package dev.agentarena.engine.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentarena.contracts.FieldError;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Pages of list_configs and list_behaviors (and the limit of every paged list, list_matches too): {@code cursor} (opaque, from the previous page's {@code nextCursor})
 * and {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}). The cursor is the sort key of
 * the last entry sent, so paging goes on correctly while entries are added or deleted: every entry present
 * throughout is sent exactly once.
 */
final class ListPaging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /**
     * Where an entry stands in a list: its rank (shared entries before the user's own), then name ignoring case,
     * then id.
     */
    record SortKey(int rank, String name, String id) {

        static final Comparator<SortKey> ORDER = Comparator.comparingInt(SortKey::rank)
                .thenComparing(SortKey::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(SortKey::id);
    }

    /** One page, and the cursor of the next one (null after the last page). */
    record Page<T>(List<T> entries, String nextCursor) {
    }

    private ListPaging() {
    }

    /** The page of {@code entries} that {@code request} asks for; a bad cursor or limit is a BAD_MESSAGE naming it. */
    static <T> Page<T> page(ClientRequest request, List<T> entries, Function<T, SortKey> keyOf) {
        int size = limit(request, MAX_LIMIT, DEFAULT_LIMIT);
        String cursor = request.field("cursor", String.class, false);
        SortKey after = cursor == null ? null : decode(request, cursor);
        List<T> next = entries.stream()
                .filter(entry -> after == null || SortKey.ORDER.compare(keyOf.apply(entry), after) > 0)
                .sorted(Comparator.comparing(keyOf, SortKey.ORDER))
                .limit(size + 1L)
                .toList();
        if (next.size() <= size) {
            return new Page<>(next, null);
        }
        List<T> page = new ArrayList<>(next.subList(0, size));
        return new Page<>(page, encode(keyOf.apply(page.get(size - 1))));
    }

    /**
     * The request's {@code limit}: {@code defaultLimit} when absent; outside 1 to {@code max} it is refused (never
     * clamped) with a BAD_MESSAGE naming {@code /limit}.
     */
    static int limit(ClientRequest request, int max, int defaultLimit) {
        Integer limit = request.field("limit", Integer.class, false);
        if (limit != null && (limit < 1 || limit > max)) {
            String range = "limit must be between 1 and " + max;
            throw new ProtocolException(request.requestId(), ErrorCode.BAD_MESSAGE, range,
                    List.of(new FieldError("/limit", "OUT_OF_RANGE", range)));
        }
        return limit == null ? defaultLimit : limit;
    }

    static String encode(SortKey key) {
        byte[] json = Json.write(List.of(key.rank(), key.name(), key.id())).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    private static SortKey decode(ClientRequest request, String cursor) {
        try {
            JsonNode key = Json.tree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (key.isArray() && key.size() == 3 && key.get(0).canConvertToInt() && key.get(1).isTextual()
                    && key.get(2).isTextual()) {
                return new SortKey(key.get(0).intValue(), key.get(1).asText(), key.get(2).asText());
            }
        } catch (IllegalArgumentException | JsonReadException e) {
            // falls through to the refusal below
        }
        throw new ProtocolException(request.requestId(), ErrorCode.BAD_MESSAGE, "cursor is not one this server gave",
                List.of(new FieldError("/cursor", "BAD_VALUE", "pass nextCursor from the previous page unchanged")));
    }
}
