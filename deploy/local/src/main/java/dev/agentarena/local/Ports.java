package dev.agentarena.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers: free ports for tests, and a clear error when a configured port is taken. */
public final class Ports {

    private Ports() {
    }

    /** A port free right now on the loopback interface. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code port}, or a free one when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    /** Fails with a message naming {@code variable} when something already listens on {@code port}. */
    public static void requireFree(int port, String variable) {
        if (isListening(port)) {
            throw new StackException("port " + port + " is already in use; set " + variable
                    + " to another port (or stop what uses it: `ss -ltnp 'sport = :" + port + "'`)");
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
