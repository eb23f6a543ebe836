package dev.agentarena.engine.ws;

import dev.agentarena.engine.ws.connection.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Parses a client frame and hands it to the route of its {@code type} (see {@link RequestHandler}); refusals
 * become {@code error} replies. Every routed message is counted here, by type and outcome.
 */
@ApplicationScoped
public class MessageRouter {

    private static final Logger LOG = Logger.getLogger(MessageRouter.class);

    private final RequestRoutes routes;
    private final MeterRegistry registry;

    public MessageRouter(Instance<RequestHandler> handlers, MeterRegistry registry) {
        this.routes = new RequestRoutes(handlers);
        this.registry = registry;
    }

    void route(ClientSession session, String frame) {
        ClientRequest request = null;
        try {
            request = ClientRequest.parse(frame);
            routes.routeOf(request).handle(session, request);
            count(request.type(), "accepted");
        } catch (ProtocolException e) {
            count(request == null ? "unparsed" : request.type(), e.code().name().toLowerCase());
            String requestId = e.requestId() != null ? e.requestId()
                    : request == null ? RequestIds.scan(frame) : request.requestId();
            session.send(e.reply(requestId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure handling a %s message", request == null ? "unparsed" : request.type());
            count(request == null ? "unparsed" : request.type(), "internal_error");
            session.send(new ServerMessages.Error(request == null ? null : request.requestId(), ErrorCode.UPSTREAM_ERROR,
                    "the engine failed to handle this message", List.of()));
        }
    }

    private void count(String type, String outcome) {
        String tag = type.equals("unparsed") || routes.serves(type) ? type : "other";
        registry.counter("arena.engine.ws.messages", "type", tag, "outcome", outcome).increment();
    }
}
