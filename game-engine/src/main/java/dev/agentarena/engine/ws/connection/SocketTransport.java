package dev.agentarena.engine.ws.connection;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBufUtil;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * A websockets-next connection as the {@link ConnectionWriter}'s transport, counting the payload bytes it is
 * given to write: JSON messages (in UTF-8) and binary snapshots apart.
 */
public record SocketTransport(WebSocketConnection connection, Counter messageBytes, Counter snapshotBytes)
        implements ConnectionWriter.Transport {

    @Override
    public Uni<Void> sendText(String message) {
        messageBytes.increment(utf8Length(message));
        return connection.sendText(message);
    }

    @Override
    public Uni<Void> sendBinary(Buffer frame) {
        snapshotBytes.increment(frame.length());
        return connection.sendBinary(frame);
    }

    @Override
    public void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(done -> { }, failure -> { });
    }

    /** The UTF-8 length of {@code text}, counted as Netty's encoder writes it (a lone surrogate as one '?'). */
    static int utf8Length(String text) {
        return ByteBufUtil.utf8Bytes(text);
    }
}
