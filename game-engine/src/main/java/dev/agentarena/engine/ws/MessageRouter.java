package dev.agentarena.engine.ws;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/** Parses a client frame and hands it to the handler of its {@code type}; refusals become {@code error} replies. */
@ApplicationScoped
public class MessageRouter {

    private static final Logger LOG = Logger.getLogger(MessageRouter.class);

    private final ConfigRequests configs;
    private final BehaviorRequests behaviors;
    private final CopilotRequests copilot;
    private final WorldRequests world;
    private final WorldAdminRequests worldAdmin;
    private final ScenarioRequests scenarios;
    private final MeterRegistry registry;

    public MessageRouter(ConfigRequests configs, BehaviorRequests behaviors, CopilotRequests copilot, WorldRequests world,
                         WorldAdminRequests worldAdmin, ScenarioRequests scenarios, MeterRegistry registry) {
        this.configs = configs;
        this.behaviors = behaviors;
        this.copilot = copilot;
        this.world = world;
        this.worldAdmin = worldAdmin;
        this.scenarios = scenarios;
        this.registry = registry;
    }

    void route(ClientSession session, String frame) {
        ClientRequest request = null;
        try {
            request = ClientRequest.parse(frame);
            dispatch(session, request);
            count(request.type(), "accepted");
        } catch (ProtocolException e) {
            count(request == null ? "unparsed" : request.type(), e.code().name().toLowerCase());
            String requestId = e.requestId() != null ? e.requestId() : request == null ? null : request.requestId();
            session.send(e.reply(requestId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure handling a %s message", request == null ? "unparsed" : request.type());
            count(request == null ? "unparsed" : request.type(), "internal_error");
            session.send(new ServerMessages.Error(request == null ? null : request.requestId(), ErrorCode.UPSTREAM_ERROR,
                    "the engine failed to handle this message", List.of()));
        }
    }

    private void dispatch(ClientSession session, ClientRequest request) {
        switch (request.type()) {
            case "save_config" -> configs.save(session, request);
            case "delete_config" -> configs.delete(session, request);
            case "list_configs" -> configs.list(session, request);
            case "validate_behavior" -> behaviors.validate(session, request);
            case "save_behavior" -> behaviors.save(session, request);
            case "delete_behavior" -> behaviors.delete(session, request);
            case "list_behaviors" -> behaviors.list(session, request);
            case "assign_behavior" -> behaviors.assign(session, request);
            case "llm_query" -> copilot.query(session, request);
            case "run_scenario" -> scenarios.run(session, request);
            default -> {
                if (worldAdmin.handles(request.type())) {
                    worldAdmin.handle(session, request);
                    return;
                }
                if (!world.handles(request.type())) {
                    throw new ProtocolException(request.requestId(), ErrorCode.UNKNOWN_TYPE,
                            "unknown message type \"" + truncate(request.type()) + "\"", List.of());
                }
                world.handle(session, request);
            }
        }
    }

    private static String truncate(String type) {
        return type.length() <= 40 ? type : type.substring(0, 40) + "…";
    }

    private void count(String type, String outcome) {
        String tag = type.length() <= 24 && type.matches("[a-z_]+") ? type : "other";
        registry.counter("arena.engine.ws.messages", "type", tag, "outcome", outcome).increment();
    }
}
