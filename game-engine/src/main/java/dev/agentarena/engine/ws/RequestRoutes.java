package dev.agentarena.engine.ws;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one table of message type → route, collected from every {@link RequestHandler}; a type claimed twice
 * fails at start.
 */
final class RequestRoutes {

    private static final int MAX_TYPE_IN_MESSAGE = 40;

    private final Map<String, RequestHandler.Route> routes;

    RequestRoutes(Iterable<? extends RequestHandler> handlers) {
        Map<String, RequestHandler.Route> table = new TreeMap<>();
        Map<String, String> owners = new TreeMap<>();
        for (RequestHandler handler : handlers) {
            String owner = handler.getClass().getName();
            handler.routes().forEach((type, route) -> {
                String previous = owners.putIfAbsent(type, owner);
                if (previous != null) {
                    throw new IllegalStateException("message type " + type + " is served by both " + previous
                            + " and " + owner);
                }
                table.put(type, route);
            });
        }
        this.routes = Collections.unmodifiableMap(table);
    }

    /** The route of {@code request}'s type, or UNKNOWN_TYPE. */
    RequestHandler.Route routeOf(ClientRequest request) {
        RequestHandler.Route route = routes.get(request.type());
        if (route == null) {
            String type = request.type();
            String shown = type.length() <= MAX_TYPE_IN_MESSAGE ? type : type.substring(0, MAX_TYPE_IN_MESSAGE) + "…";
            throw new ProtocolException(request.requestId(), ErrorCode.UNKNOWN_TYPE,
                    "unknown message type \"" + shown + "\"", List.of());
        }
        return route;
    }

    /** Whether {@code type} is a message type of this protocol (bounds the metric tags to known types). */
    boolean serves(String type) {
        return routes.containsKey(type);
    }
}
