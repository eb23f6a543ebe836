package dev.agentarena.engine.cluster;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.WorldCommandRecord;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.util.concurrent.CompletionStage;

/**
 * Appends world commands to {@code arena.world.commands}, keyed by world id, so that each world's commands keep their
 * order in one partition. A command counts as accepted once the broker has it (the stage completes): from then on the
 * engine that owns the world applies it, also after an engine dies.
 */
@ApplicationScoped
public class WorldCommandLog {

    private final MutinyEmitter<Record<String, String>> commands;

    public WorldCommandLog(@Channel("world-commands") MutinyEmitter<Record<String, String>> commands) {
        this.commands = commands;
    }

    public CompletionStage<Void> append(WorldCommandRecord record) {
        return commands.send(Record.of(record.worldId(), Json.write(record))).subscribeAsCompletionStage();
    }
}
