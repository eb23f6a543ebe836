package dev.agentarena.local;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs inside every child JVM the launcher starts, then calls the real main class.
 * <ul>
 * <li>Exits the JVM when the parent's end of stdin closes, so a launcher killed even with kill -9 takes its
 * children with it.</li>
 * <li>Ignores SIGINT: Ctrl-C in a terminal reaches the whole process group, but the launcher alone must decide
 * the order in which its children stop (it sends them SIGTERM, in reverse start order).</li>
 * </ul>
 * Usage: {@code ParentWatch <main class> [args...]}. Only JDK classes here: it shares the child's classpath.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Exception {
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        Thread watcher = new Thread(ParentWatch::exitWhenParentGone, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentGone() {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) >= 0) {
                // The parent never writes; reading only waits for end-of-stream.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same: the parent is gone.
        }
        System.exit(0);
    }
}
