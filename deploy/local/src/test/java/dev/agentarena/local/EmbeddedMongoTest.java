package dev.agentarena.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoTest {

    @TempDir
    Path dir;

    @Test
    void anAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Path file = dir.resolve("db.mv");
        int port = Ports.free();
        EmbeddedMongo first = EmbeddedMongo.start(file, port, dir);
        try (MongoClient client = MongoClients.create(first.connectionString())) {
            client.getDatabase("agent_game").getCollection("configs").insertOne(new Document("_id", "c1").append("name", "kept"));
        }
        ProcessHandle.of(first.process().pid()).orElseThrow().destroyForcibly();
        assertThat(first.process().waitFor(10)).isNotEqualTo(0);

        EmbeddedMongo second = EmbeddedMongo.start(file, port, dir);
        try (MongoClient client = MongoClients.create(second.connectionString())) {
            Document found = client.getDatabase("agent_game").getCollection("configs").find(Filters.eq("_id", "c1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("kept");
        } finally {
            second.close();
        }
    }

    @Test
    void uniqueIndexesAreEnforced() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir.resolve("db.mv"), Ports.free(), dir);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("agent_game").getCollection("users");
            users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            users.insertOne(new Document("username", "ada"));
            assertThatThrownBy(() -> users.insertOne(new Document("username", "ada"))).isInstanceOf(MongoWriteException.class);
        }
    }
}
