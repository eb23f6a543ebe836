package dev.agentarena.persistence.messaging;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.agentarena.contracts.config.ArenaConfig;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.PersistenceCommand;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.SaveConfigPayload;
import dev.agentarena.persistence.config.PersistenceConfig;
import dev.agentarena.persistence.entity.ConfigEntity;
import dev.agentarena.persistence.mapping.EntityMapper;
import dev.agentarena.persistence.repository.ConfigRepository;
import dev.agentarena.persistence.repository.ProcessedCommandRepository;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

/**
 * Runs the code a save goes through, without changing anything, before the service reports ready: the first saves
 * after a start otherwise pay for class loading, cold JIT, the results producer's first metadata fetch and the
 * MongoDB driver's first writes (the first 200 saves after a start took twice as long as warm ones). Each round reads
 * a synthetic command, validates it, looks up its answer, counts and replaces configs that do not exist, writes a
 * scratch collection (dropped afterwards, never read) and serialises the answer.
 */
@ApplicationScoped
public class CommandPathWarmUp {

    private static final String USER = "warm-up";
    private static final String SCRATCH = "startup_warm_up";

    private final ProcessedCommandRepository processed;
    private final ConfigRepository configs;
    private final KafkaClientService kafka;
    private final CommandReader reader;
    private final int rounds;

    public CommandPathWarmUp(ProcessedCommandRepository processed, ConfigRepository configs, KafkaClientService kafka,
                             PersistenceConfig config) {
        this.processed = processed;
        this.configs = configs;
        this.kafka = kafka;
        this.reader = new CommandReader(config.maxCommandChars());
        this.rounds = config.warmUpRounds();
    }

    public Uni<Void> run() {
        ReactiveMongoCollection<Document> scratch = processed.mongoDatabase().getCollection(SCRATCH);
        return kafka.getProducer("persistence-results").partitionsFor(Topics.PERSISTENCE_RESULTS)
                .chain(() -> Multi.createFrom().range(0, rounds)
                        .onItem().transformToUniAndConcatenate(round -> round(round, scratch))
                        .collect().last())
                .chain(() -> scratch.drop());
    }

    private Uni<Void> round(int round, ReactiveMongoCollection<Document> scratch) {
        String id = USER + "-" + round;
        PersistenceCommand command = reader.read(Json.write(PersistenceCommand.of(id, CommandType.SAVE_CONFIG, USER, id,
                null, Json.toTree(new SaveConfigPayload("warm up " + round, ArenaConfig.defaults()))))).command();
        SaveConfigPayload.errorsIn(command.payload());
        ConfigEntity absent = new ConfigEntity();
        absent.id = id;
        absent.ownerId = USER;
        absent.settings = EntityMapper.toDocument(ArenaConfig.defaults());
        String answer = Json.write(PersistenceResult.ok(command, command.payload()));
        return processed.findById(id)
                .chain(() -> configs.count("ownerId", USER))
                // Matches nothing (no config has a negative version): the driver's and server's replace path, no change.
                .chain(() -> configs.mongoCollection().replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", -1)), absent))
                .chain(() -> scratch.replaceOne(Filters.eq("_id", round % 8), new Document("_id", round % 8).append("answer", answer),
                        new ReplaceOptions().upsert(true)))
                .replaceWithVoid();
    }
}
