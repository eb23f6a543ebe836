package dev.agentarena.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process on Linux, from {@code /proc/<pid>/stat} (user + system, in clock ticks of
 * 10 ms: {@code CLK_TCK} is 100 on every Linux this project runs on). Two readings over a wall-clock interval
 * give the process's CPU share in percent of one core.
 */
final class ProcessCpu {

    private static final double SECONDS_PER_TICK = 0.01;

    private final long pid;
    private double startCpu;
    private long startNanos;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    void start() {
        startCpu = cpuSeconds();
        startNanos = System.nanoTime();
    }

    /** CPU used since {@link #start()}, as a percentage of one core (200 % = both cores of this machine). */
    double percentSinceStart() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        return 100 * (cpuSeconds() - startCpu) / wall;
    }

    private double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * SECONDS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + " (Linux only)", e);
        }
    }
}
