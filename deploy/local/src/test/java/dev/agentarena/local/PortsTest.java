package dev.agentarena.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void aTakenPortNamesTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "ARENA_MONGO_PORT"))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("set ARENA_MONGO_PORT");
        }
    }

    @Test
    void aFreePortPasses() {
        assertThatCode(() -> Ports.requireFree(Ports.free(), "ARENA_ENGINE_PORT")).doesNotThrowAnyException();
    }
}
