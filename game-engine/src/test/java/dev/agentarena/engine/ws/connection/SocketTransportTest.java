package dev.agentarena.engine.ws.connection;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SocketTransportTest {

    @Test
    void countsTheUtf8BytesOfAMessage() {
        for (String text : new String[]{"", "{\"type\":\"welcome\"}", "café", "€ 5", "agent 🛡 shield", "日本語のテキスト",
                "lone \uD83D surrogate", "\uDC00 low first"}) {
            assertThat(SocketTransport.utf8Length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
