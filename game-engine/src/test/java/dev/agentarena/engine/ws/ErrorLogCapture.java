package dev.agentarena.engine.ws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every ERROR the engine logs while installed, on the root logger (JBoss LogManager serves JUL in
 * tests, see the Surefire configuration), so a test can assert that none was logged.
 */
final class ErrorLogCapture extends Handler implements AutoCloseable {

    private final List<String> errors = new CopyOnWriteArrayList<>();

    private ErrorLogCapture() {
    }

    /** Installs a capture and checks it sees an ERROR logged through JBoss Logging, then forgets that probe. */
    static ErrorLogCapture install() {
        ErrorLogCapture capture = new ErrorLogCapture();
        Logger.getLogger("").addHandler(capture);
        org.jboss.logging.Logger.getLogger(ErrorLogCapture.class).error("a probe, expected in test logs: the log capture is installed");
        if (capture.errors.isEmpty()) {
            capture.close();
            throw new IllegalStateException("the log capture sees no records; is the JBoss LogManager in use?");
        }
        capture.errors.clear();
        return capture;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            Throwable thrown = record.getThrown();
            errors.add(record.getLoggerName() + ": " + record.getMessage() + (thrown == null ? "" : " " + thrown));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
