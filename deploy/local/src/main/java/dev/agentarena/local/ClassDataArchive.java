package dev.agentarena.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A dynamic AppCDS archive per child JVM (JDK 13+): the first run records the classes it loaded when it exits,
 * later runs map them instead of parsing jars again, which takes about a third off a Kafka broker's start on this
 * 2-core machine (measured 3.0-3.5 s without, 1.7-2.6 s with; the embedded MongoDB 0.3-0.4 s and 0.2-0.3 s). Archives live in a per-user cache, keyed by the JDK and the classpath (each jar's
 * size and time), so a rebuilt jar gets a fresh archive and a stale one is never mapped (the JVM would also refuse
 * it and run without sharing). Several JVMs may record at once: each writes its own temporary file, and the finished
 * archive is moved into place atomically. The JVM refuses to record with a non-empty folder on the classpath, so a
 * child run from build folders ({@code target/classes}, as in this module's own tests) simply gets no archive.
 */
final class ClassDataArchive {

    private static final Path USER_CACHE = Path.of(Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
            .orElse(System.getProperty("user.home") + File.separator + ".cache"), "agent-arena", "cds");

    /** Archives kept per child (say, one for ./arena, one for the tests' jars from ~/.m2), the least recently used go. */
    private static final int KEPT_PER_CHILD = 3;

    private final Path cache;
    private final String name;
    private final Path archive;
    private final Path recording;

    private ClassDataArchive(Path cache, String name, Path archive, Path recording) {
        this.cache = cache;
        this.name = name;
        this.archive = archive;
        this.recording = recording;
    }

    /** The archive for a child started as {@code name} with {@code classpath}; none when a classpath entry is a folder. */
    static Optional<ClassDataArchive> forChild(String name, List<String> classpath) {
        return forChild(USER_CACHE, name, classpath);
    }

    static Optional<ClassDataArchive> forChild(Path cache, String name, List<String> classpath) {
        if (classpath.stream().anyMatch(entry -> Files.isDirectory(Path.of(entry)))) {
            return Optional.empty();
        }
        String key = name + "-" + fingerprint(classpath);
        return Optional.of(new ClassDataArchive(cache, name, cache.resolve(key + ".jsa"),
                cache.resolve(key + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".recording")));
    }

    /** The JVM options: map the archive when it exists, else record one when the child exits. */
    List<String> jvmOptions() {
        if (Files.isRegularFile(archive)) {
            try {
                Files.setLastModifiedTime(archive, FileTime.from(Instant.now())); // Marks it used, for pruning.
            } catch (IOException ignored) {
                // Then it is just pruned a little earlier.
            }
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        try {
            Files.createDirectories(cache);
            deleteAbandonedRecordings();
        } catch (IOException e) {
            return List.of(); // No cache folder, no archive: the child just starts the ordinary way.
        }
        return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Recordings of children whose launcher died (kill -9) before it could publish them. */
    private void deleteAbandonedRecordings() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".recording")).toList()) {
                String[] parts = file.getFileName().toString().split("\\.");
                long launcherPid = parts.length >= 4 ? Long.parseLong(parts[parts.length - 3]) : -1;
                if (ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Files.deleteIfExists(file);
            }
        } catch (NumberFormatException e) {
            // Not one of ours.
        }
    }

    /** After the child exited: publishes what it recorded (if anything), leaving no temporary file behind. */
    void childExited() {
        try {
            if (Files.isRegularFile(recording)) {
                try {
                    Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING);
                }
                pruneOlderArchives();
            }
        } catch (IOException e) {
            // An archive is only an optimisation; the next start records again.
        } finally {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException ignored) {
                // Same as above.
            }
        }
    }

    private void pruneOlderArchives() throws IOException {
        Pattern sameChild = Pattern.compile(Pattern.quote(name) + "-[0-9a-f]{16}\\.jsa");
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> archives = files.filter(file -> sameChild.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong((Path file) -> file.toFile().lastModified()).reversed())
                    .toList();
            for (Path old : archives.subList(Math.min(KEPT_PER_CHILD, archives.size()), archives.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static String fingerprint(List<String> classpath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.home") + '\n' + System.getProperty("java.vm.version") + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : classpath) {
                Path jar = Path.of(entry);
                String stamp = Files.exists(jar) ? Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis() : "missing";
                digest.update((entry + '=' + stamp + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
