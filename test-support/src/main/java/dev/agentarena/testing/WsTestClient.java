package dev.agentarena.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client for tests: sends text frames and waits for the JSON messages it is told to expect.
 * Built on the JDK's client, so it needs nothing but the JDK; {@link StrictWsTestClient} checks framing strictly.
 */
public final class WsTestClient extends ReceivingClient implements AutoCloseable {

    private final WebSocket socket;
    private volatile boolean closed;

    private WsTestClient(URI uri) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener()).join();
    }

    public static WsTestClient connect(String uri) {
        return new WsTestClient(URI.create(uri));
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    public boolean isOpen() {
        return !closed && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.receivedText(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }
}
