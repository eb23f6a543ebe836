package dev.agentarena.engine.ws;

import dev.agentarena.contracts.FieldError;
import dev.agentarena.engine.stream.ClientStream;
import dev.agentarena.engine.stream.Viewport;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a client asks of its snapshot stream: a viewport ({@code viewport}) and a keyframe ({@code request_keyframe}). */
@ApplicationScoped
public class StreamRequests implements RequestHandler {

    /** Largest viewport side accepted, in world units (the largest world is 100,000 wide). */
    static final double MAX_SIDE = 200_000;
    private static final List<String> FIELDS = List.of("x", "y", "w", "h");

    /** The reply to {@code viewport}: the view now applied, null for the whole world. */
    public record ViewportSet(String type, String requestId, Viewport viewport) {
        ViewportSet(String requestId, Viewport viewport) {
            this("viewport_set", requestId, viewport);
        }
    }

    /** The reply to {@code request_keyframe}: the next snapshot frame is a keyframe. */
    public record KeyframeRequested(String type, String requestId) {
        KeyframeRequested(String requestId) {
            this("keyframe_requested", requestId);
        }
    }

    private final WorldFeeds feeds;

    public StreamRequests(WorldFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("viewport", this::viewport, "request_keyframe", this::requestKeyframe);
    }

    void viewport(ClientSession session, ClientRequest request) {
        Viewport view = parse(request);
        stream(session, request).viewport(view);
        session.send(new ViewportSet(request.requestId(), view));
    }

    void requestKeyframe(ClientSession session, ClientRequest request) {
        stream(session, request).requestKeyframe();
        session.send(new KeyframeRequested(request.requestId()));
    }

    private ClientStream stream(ClientSession session, ClientRequest request) {
        return feeds.stream(session).orElseThrow(() -> new ProtocolException(request.requestId(), ErrorCode.NOT_FOUND,
                "this connection watches no world stream", List.of()));
    }

    /** {x, y, w, h} all given (w, h > 0), or none of them: the whole world again. */
    private static Viewport parse(ClientRequest request) {
        Double[] values = new Double[FIELDS.size()];
        int given = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = request.field(FIELDS.get(i), Double.class, false);
            given += values[i] == null ? 0 : 1;
        }
        if (given == 0) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String name = FIELDS.get(i);
            Double value = values[i];
            boolean side = i >= 2;
            if (value == null) {
                errors.add(new FieldError("/" + name, "REQUIRED", name + " is required with the other viewport fields"));
            } else if (!Double.isFinite(value) || Math.abs(value) > MAX_SIDE || (side && value <= 0)) {
                errors.add(new FieldError("/" + name, "OUT_OF_RANGE", side
                        ? name + " must be above 0 and at most " + (long) MAX_SIDE
                        : name + " must be a finite number within ±" + (long) MAX_SIDE));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProtocolException(request.requestId(), ErrorCode.BAD_MESSAGE, "the viewport is not valid", errors);
        }
        return new Viewport(values[0], values[1], values[2], values[3]);
    }
}
