package dev.agentarena.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    @TempDir
    Path cache;
    @TempDir
    Path jars;

    @Test
    void recordsOnTheFirstStartAndMapsTheArchiveAfterwards() throws Exception {
        List<String> classpath = List.of(jar("a.jar", 1).toString());
        ClassDataArchive first = ClassDataArchive.forChild(cache, "kafka", classpath).orElseThrow();
        Path recording = option(first.jvmOptions(), "-XX:ArchiveClassesAtExit=");
        Files.writeString(recording, "what the JVM dumps at exit");
        first.childExited();

        assertThat(recording).doesNotExist();
        Path archive = option(ClassDataArchive.forChild(cache, "kafka", classpath).orElseThrow().jvmOptions(), "-XX:SharedArchiveFile=");
        assertThat(archive).hasContent("what the JVM dumps at exit");
    }

    @Test
    void aRebuiltJarGetsAFreshArchiveAndOnlyTheThreeLatestAreKept() throws Exception {
        for (int build = 1; build <= 5; build++) {
            ClassDataArchive archive = ClassDataArchive.forChild(cache, "mongo", List.of(jar("m.jar", build).toString())).orElseThrow();
            Files.writeString(option(archive.jvmOptions(), "-XX:ArchiveClassesAtExit="), "build " + build);
            archive.childExited();
            Thread.sleep(20); // Distinct modification times for the least-recently-used order.
        }
        List<String> kept = new ArrayList<>();
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.toList()) {
                kept.add(Files.readString(file));
            }
        }
        assertThat(kept).containsExactlyInAnyOrder("build 3", "build 4", "build 5");
    }

    @Test
    void aChildWithAFolderOnItsClasspathGetsNoArchive() {
        assertThat(ClassDataArchive.forChild(cache, "engine", List.of(jars.toString()))).isEmpty();
    }

    @Test
    void aChildThatRecordedNothingLeavesNothing() throws Exception {
        ClassDataArchive archive = ClassDataArchive.forChild(cache, "gateway", List.of(jar("g.jar", 1).toString())).orElseThrow();
        archive.jvmOptions();
        archive.childExited();
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    private Path jar(String name, long build) throws Exception {
        Path jar = jars.resolve(name);
        Files.writeString(jar, "jar " + name);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L + build * 1000));
        return jar;
    }

    private static Path option(List<String> options, String prefix) {
        return Path.of(options.stream().filter(option -> option.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()));
    }
}
