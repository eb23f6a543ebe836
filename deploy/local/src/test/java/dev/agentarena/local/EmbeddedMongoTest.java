package dev.agentarena.local;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoTest {

    @TempDir
    Path dataDir;

    @Test
    void findsWhatItStored() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir.resolve("mongo/agent_game.mv"), Ports.free(), dataDir.resolve("logs"));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> configs = configs(client);
            configs.insertOne(new Document("_id", "c1").append("name", "swarm").append("version", 1));
            configs.updateOne(eq("_id", "c1"), new Document("$inc", new Document("version", 1)));

            assertThat(configs.find(eq("_id", "c1")).first()).containsEntry("name", "swarm").containsEntry("version", 2);
        }
    }

    @Test
    void enforcesUniqueIndexes() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir.resolve("mongo/agent_game.mv"), Ports.free(), dataDir.resolve("logs"));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("agent_game").getCollection("users");
            users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            users.insertOne(new Document("username", "ada"));

            assertThatThrownBy(() -> users.insertOne(new Document("username", "ada"))).isInstanceOf(MongoWriteException.class);
        }
    }

    /** The H2 store alone commits about once a second; the embedded server commits before it acknowledges. */
    @Test
    void anAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Path file = dataDir.resolve("mongo/agent_game.mv");
        int port = Ports.free();
        EmbeddedMongo first = EmbeddedMongo.start(file, port, dataDir.resolve("logs"));
        try (MongoClient client = MongoClients.create(first.connectionString())) {
            configs(client).insertOne(new Document("_id", "kept").append("name", "survivor"));
            configs(client).updateOne(eq("_id", "kept"), new Document("$set", new Document("name", "updated survivor")));
        }
        ProcessHandle process = ProcessHandle.of(first.process().pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);

        try (EmbeddedMongo second = EmbeddedMongo.start(file, port, dataDir.resolve("logs"));
             MongoClient client = MongoClients.create(second.connectionString())) {
            assertThat(configs(client).find(eq("_id", "kept")).first()).containsEntry("name", "updated survivor");
        }
    }

    private static MongoCollection<Document> configs(MongoClient client) {
        return client.getDatabase("agent_game").getCollection("configs");
    }
}
