package dev.agentarena.engine.ws.connection;

import io.micrometer.core.instrument.Counter;
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

    /**
     * The UTF-8 length of {@code text} without encoding it: 1 byte below U+0080, 2 below U+0800, 4 for a surrogate
     * pair, 1 for a lone surrogate (the encoder writes '?'), else 3.
     */
    static int utf8Length(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
