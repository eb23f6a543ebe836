package dev.agentarena.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the launcher, started through {@link ParentWatch} so it dies with the launcher, with its
 * output in a log file. Closing it stops it gracefully, then forcibly after a grace period.
 */
public final class ChildProcess implements AutoCloseable {

    private static final long GRACE_SECONDS = 20;

    private final String name;
    private final Process process;
    private final Path log;
    private final Optional<ClassDataArchive> archive;

    private ChildProcess(String name, Process process, Path log, Optional<ClassDataArchive> archive) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.archive = archive;
    }

    /**
     * Starts {@code mainClass} with {@code classpath} (the launcher's own location is added for ParentWatch).
     *
     * @param environment  variables added to the launcher's own environment
     * @param shareClasses whether to use (or record) a {@link ClassDataArchive}: worth it for a long-lived child that
     *                     starts often, not for a one-off tool
     */
    public static ChildProcess start(String name, List<String> classpath, String mainClass, List<String> args,
                                     Map<String, String> systemProperties, Map<String, String> environment,
                                     List<String> jvmOptions, boolean shareClasses, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> fullClasspath = new ArrayList<>(classpath);
        fullClasspath.add(Classpaths.locationOf(ParentWatch.class));
        Optional<ClassDataArchive> archive = shareClasses ? ClassDataArchive.forChild(name, fullClasspath) : Optional.empty();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        archive.ifPresent(cds -> command.addAll(cds.jvmOptions()));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, fullClasspath));
        command.add(ParentWatch.class.getName());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new ChildProcess(name, process, log, archive);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Waits for the process to end; returns its exit code, or -1 when it is still running after the timeout. */
    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            return -1;
        }
        archive.ifPresent(ClassDataArchive::childExited);
        return process.exitValue();
    }

    /** Waits for the process to end, however long it runs; returns its exit code (137 after kill -9). */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /** Kills the process with SIGKILL, as a crash would, and waits until it is gone; returns its exit code (137). */
    public int kill() throws InterruptedException {
        return process.destroyForcibly().waitFor();
    }

    /** The last lines of the child's log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        archive.ifPresent(ClassDataArchive::childExited);
    }
}
