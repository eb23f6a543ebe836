package dev.agentarena.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of another process on Linux, from {@code /proc/<pid>/stat} (user + system, in clock ticks of
 * 10 ms: {@code CLK_TCK} is 100 on every Linux this project runs on), in all and per group of its threads (from
 * {@code /proc/<pid>/task/<tid>/stat}, grouped by thread name). Two readings over a wall-clock interval give the
 * shares in percent of one core. A thread that ends inside the interval is missing from its group (the total
 * still counts it), so the groups may sum to a little less than the total.
 */
final class ProcessCpu {

    /** A group of threads: a name and the thread-name prefixes that belong to it. */
    record Group(String name, List<String> prefixes) {
    }

    /** What a JVM runs besides the application: compilers and collectors. */
    static final List<Group> JVM = List.of(
            new Group("JIT", List.of("C1 CompilerThre", "C2 CompilerThre")),
            new Group("GC", List.of("GC Thread", "G1 ")));

    private static final double SECONDS_PER_TICK = 0.01;
    static final String OTHER = "other";

    private final long pid;
    private final List<Group> groups;
    private double startCpu;
    private Map<String, Double> startGroups;
    private long startNanos;

    /** @param groups the thread groups to report, in order; threads in none of them count as {@value #OTHER} */
    ProcessCpu(long pid, List<Group> groups) {
        this.pid = pid;
        this.groups = groups;
    }

    void start() {
        startCpu = processSeconds();
        startGroups = groupSeconds();
        startNanos = System.nanoTime();
    }

    /** CPU used since {@link #start()}, as a percentage of one core (200 % = both cores of this machine). */
    double percentSinceStart() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        return 100 * (processSeconds() - startCpu) / wall;
    }

    /** Each group's CPU since {@link #start()} in percent of one core, in the order given, then {@value #OTHER}. */
    Map<String, Double> groupPercentSinceStart() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> now = groupSeconds();
        Map<String, Double> percent = new LinkedHashMap<>();
        now.forEach((group, seconds) -> percent.put(group, 100 * (seconds - startGroups.getOrDefault(group, 0.0)) / wall));
        return percent;
    }

    private Map<String, Double> groupSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach(group -> seconds.put(group.name(), 0.0));
        seconds.put(OTHER, 0.0);
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    seconds.merge(groupOf(name), cpuSeconds(task.resolve("stat")), Double::sum);
                } catch (NoSuchFileException ended) {
                    // The thread ended between the listing and the read.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid + " (Linux only)", e);
        }
        return seconds;
    }

    private String groupOf(String threadName) {
        for (Group group : groups) {
            for (String prefix : group.prefixes()) {
                if (threadName.startsWith(prefix)) {
                    return group.name();
                }
            }
        }
        return OTHER;
    }

    private double processSeconds() {
        try {
            return cpuSeconds(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + " (Linux only)", e);
        }
    }

    private static double cpuSeconds(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * SECONDS_PER_TICK;
    }
}
