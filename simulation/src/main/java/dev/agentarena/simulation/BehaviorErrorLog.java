package dev.agentarena.simulation;

import dev.agentarena.behavior.BehaviorEvaluationException;
import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.simulation.state.StateReader;
import dev.agentarena.simulation.state.StateWriter;
import dev.agentarena.simulation.state.WorldStateException;

/**
 * The behavior failures of one world worth telling its viewers: at most {@value #PER_SECOND} per simulated
 * second, the rest only counted ({@link #suppressed()}). A failing behavior may fail at every think of
 * thousands of agents; reporting each would flood the viewers, while one report per failing rule is enough
 * to fix it. Kept in a ring read by sequence number, like the {@link DeathLog}. Allocates only for a reported
 * failure.
 */
public final class BehaviorErrorLog {

    /** Failures reported per simulated second and world. */
    public static final int PER_SECOND = 5;
    /** Longest message kept; a failing policy's exception message may be long. */
    static final int MAX_MESSAGE = 300;
    private static final int CAPACITY = 64;

    /** One failed think: which agent and behavior, the stable code, the JSON pointer into the document. */
    public record Entry(long tick, long agentId, String behaviorId, String code, String path, String message) {
    }

    private final Entry[] ring = new Entry[CAPACITY];
    private long next;
    private long suppressed;
    private long windowEnd;
    private int inWindow;

    void record(long tick, int ticksPerSecond, long agentId, String behaviorId, RuntimeException failure) {
        if (tick >= windowEnd) {
            windowEnd = tick + ticksPerSecond;
            inWindow = 0;
        }
        if (inWindow >= PER_SECOND) {
            suppressed++;
            return;
        }
        inWindow++;
        String code = DiagnosticCode.EVALUATION_FAILED.name();
        String path = "";
        if (failure instanceof BehaviorEvaluationException evaluation) {
            code = evaluation.code().name();
            path = evaluation.path() == null ? "" : evaluation.path();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        ring[(int) (next % CAPACITY)] = new Entry(tick, agentId, behaviorId, code, path, message);
        next++;
    }

    /** Sequence number of the next failure to be reported. */
    public long next() {
        return next;
    }

    /** Sequence number of the oldest failure still held. */
    public long oldest() {
        return Math.max(0, next - CAPACITY);
    }

    /** The failure with sequence number {@code seq}, between {@link #oldest()} and {@link #next()}. */
    public Entry get(long seq) {
        return ring[(int) (seq % CAPACITY)];
    }

    /** Failures not reported because of the rate limit. */
    public long suppressed() {
        return suppressed;
    }

    /** Writes the rate-limit window, the counters and the failures still held. */
    void write(StateWriter out) {
        out.writeLong(next).writeLong(suppressed).writeLong(windowEnd).writeInt(inWindow);
        for (long seq = oldest(); seq < next; seq++) {
            Entry e = get(seq);
            out.writeLong(e.tick()).writeLong(e.agentId()).writeString(e.behaviorId()).writeString(e.code())
                    .writeString(e.path()).writeString(e.message());
        }
    }

    void read(StateReader in) {
        next = in.readLong();
        suppressed = in.readLong();
        windowEnd = in.readLong();
        inWindow = in.readInt();
        if (next < 0 || suppressed < 0 || inWindow < 0) {
            throw new WorldStateException(WorldStateException.Reason.MALFORMED, "behavior error counters are negative");
        }
        for (long seq = oldest(); seq < next; seq++) {
            ring[(int) (seq % CAPACITY)] = new Entry(in.readLong(), in.readLong(), in.readString(), in.readString(),
                    in.readString(), in.readString());
        }
    }
}
