package dev.agentarena.engine.world;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How this engine runs its worlds ({@code arena.engine.worlds.*}). */
@ConfigMapping(prefix = "arena.engine.worlds")
public interface WorldSettings {

    /** Simulation ticks per second. */
    @WithDefault("60")
    int tickRate();

    /** Snapshots per second sent to viewers; must divide the tick rate. */
    @WithDefault("20")
    int snapshotRate();

    /** Most worlds this engine runs at once (world {@code default} included). */
    @WithDefault("16")
    int maxWorlds();

    /** Most agents in one world; adding beyond it is refused. */
    @WithDefault("50000")
    int maxAgents();

    /** Capacity of each world's command queue; a command beyond it is refused with QUEUE_FULL. */
    @WithDefault("1024")
    int queueCapacity();

    /** A running world with no viewer for this long pauses. */
    @WithDefault("30s")
    Duration idlePause();

    /**
     * Most agent decisions (behavior evaluations) one world makes in one tick; the thinks over it wait for the
     * next tick. The default leaves room for 50,000 agents thinking every 6 ticks.
     */
    @WithDefault("20000")
    int decisionBudget();

    /** Time after which a world starts no more decisions in the current tick (half a 60 Hz tick). */
    @WithDefault("8ms")
    Duration decisionBudgetTime();

    /**
     * How often a running world writes its whole state to {@code arena.world.checkpoints} (it also writes one when it
     * pauses and when it moves to another engine): a world whose engine dies resumes from its last checkpoint, which
     * is then at most this old plus the time it took to send (the default keeps that within 5 s).
     */
    @WithDefault("4s")
    Duration checkpointInterval();

    /** Threads of the scheduler that runs every world's ticks. */
    @WithDefault("2")
    int loopThreads();
}
