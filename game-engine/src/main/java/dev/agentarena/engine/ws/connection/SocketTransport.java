package dev.agentarena.engine.ws.connection;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/** A websockets-next connection as the {@link ConnectionWriter}'s transport. */
public record SocketTransport(WebSocketConnection connection) implements ConnectionWriter.Transport {

    @Override
    public Uni<Void> sendText(String message) {
        return connection.sendText(message);
    }

    @Override
    public Uni<Void> sendBinary(Buffer frame) {
        return connection.sendBinary(frame);
    }

    @Override
    public void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(done -> { }, failure -> { });
    }
}
