package dev.agentarena.engine.world;

/**
 * Where a world's checkpoints go. Called on the world's thread, which must not wait: the sink hands the encoding and
 * the sending to another thread.
 */
@FunctionalInterface
public interface CheckpointSink {

    CheckpointSink NONE = checkpoint -> {
        checkpoint.release().run();
        checkpoint.durable().complete(null);
    };

    void write(Checkpoint checkpoint);
}
