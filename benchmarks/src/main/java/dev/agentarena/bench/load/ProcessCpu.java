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
 * shares in percent of one core. A group counts each of its threads' time since the first reading, or since the
 * thread began if it began later; a thread that ends inside the interval is missing from its group (the total still
 * counts it), so the groups may sum to a little less than the total. Per thread, because a JVM starts and stops
 * compiler threads as its queue of work grows and shrinks: a group's sum would fall when one of them ends.
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
    private Map<String, ThreadCpu> startThreads;
    private long startNanos;

    /** @param groups the thread groups to report, in order; threads in none of them count as {@value #OTHER} */
    ProcessCpu(long pid, List<Group> groups) {
        this.pid = pid;
        this.groups = groups;
    }

    void start() {
        startCpu = processSeconds();
        startThreads = threadSeconds();
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
        Map<String, Double> percent = new LinkedHashMap<>();
        groups.forEach(group -> percent.put(group.name(), 0.0));
        percent.put(OTHER, 0.0);
        threadSeconds().forEach((tid, now) -> {
            ThreadCpu before = startThreads.get(tid);
            double since = before != null && before.name().equals(now.name()) ? now.seconds() - before.seconds() : now.seconds();
            percent.merge(groupOf(now.name()), 100 * since / wall, Double::sum);
        });
        return percent;
    }

    /** One thread's name and CPU seconds. */
    private record ThreadCpu(String name, double seconds) {
    }

    private Map<String, ThreadCpu> threadSeconds() {
        Map<String, ThreadCpu> threads = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    threads.put(task.getFileName().toString(), new ThreadCpu(name, cpuSeconds(task.resolve("stat"))));
                } catch (NoSuchFileException ended) {
                    // The thread ended between the listing and the read.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid + " (Linux only)", e);
        }
        return threads;
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
