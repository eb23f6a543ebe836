package dev.agentarena.engine.ws;

import java.util.Map;

/**
 * A bean that serves some client message types. {@link MessageRouter} finds every such bean through CDI, so a
 * new message needs only a handler bean here, never a change to the router.
 */
public interface RequestHandler {

    /** Each message type this bean serves, with the method that serves it; a type is served by one bean only. */
    Map<String, Route> routes();

    /** Serves one message; a refusal is a {@link ProtocolException}, which the router turns into an {@code error}. */
    @FunctionalInterface
    interface Route {
        void handle(ClientSession session, ClientRequest request);
    }
}
