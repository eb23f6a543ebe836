package dev.agentarena.persistence;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.kafka.Topics;
import dev.agentarena.contracts.messages.CommandType;
import dev.agentarena.contracts.messages.ListMatchesPayload;
import dev.agentarena.contracts.messages.MatchPage;
import dev.agentarena.contracts.messages.MatchResult;
import dev.agentarena.contracts.messages.MessageSchema;
import dev.agentarena.contracts.messages.PersistenceResult;
import dev.agentarena.contracts.messages.ResultStatus;
import dev.agentarena.persistence.repository.MatchRepository;
import dev.agentarena.testing.KafkaTestResource;
import dev.agentarena.testing.MongoTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Round results from arena.world.events are stored once each and listed newest first, paged by cursor. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MongoTestResource.class)
class MatchHistoryTest {

    @Inject
    MatchRepository matches;

    private CommandChannel channel;

    @BeforeEach
    void connect() {
        channel = new CommandChannel();
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @Test
    void eachRoundIsStoredOnceAndListedNewestFirstByPages() throws Exception {
        String world = "w-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        List<MatchResult> rounds = List.of(round(world, start, 1), round(world, start, 2), round(world, start, 3));
        for (MatchResult round : rounds) {
            channel.sendRaw(Topics.WORLD_EVENTS, world, Json.write(round));
        }
        channel.sendRaw(Topics.WORLD_EVENTS, world, Json.write(rounds.get(1)));
        channel.sendRaw(Topics.WORLD_EVENTS, world, "{\"type\":\"kill\",\"worldId\":\"" + world + "\"}");
        long deadline = System.nanoTime() + CommandChannel.WAIT.toNanos();
        while (matches.count("worldId", world).await().atMost(CommandChannel.WAIT) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // Give the redelivered round time to arrive: it must not become a fourth match.
        PersistenceResult first = list(new ListMatchesPayload(world, null, 2));
        assertThat(matches.count("worldId", world).await().atMost(CommandChannel.WAIT)).isEqualTo(3);

        MatchPage page = Json.convert(first.entity(), MatchPage.class);
        assertThat(page.matches()).extracting(MatchResult::eventId).containsExactly(rounds.get(2).eventId(), rounds.get(1).eventId());
        assertThat(page.matches().get(0).teams()).hasSize(2);
        assertThat(page.matches().get(0).agents().get(0).damageDealt()).isEqualTo(12.5);
        assertThat(page.nextCursor()).isNotNull();

        MatchPage last = Json.convert(list(new ListMatchesPayload(world, page.nextCursor(), 2)).entity(), MatchPage.class);
        assertThat(last.matches()).extracting(MatchResult::eventId).containsExactly(rounds.get(0).eventId());
        assertThat(last.nextCursor()).isNull();

        assertThat(list(new ListMatchesPayload(world, null, 51)).status()).isEqualTo(ResultStatus.INVALID);
        assertThat(list(new ListMatchesPayload(world, "not-a-cursor", 5)).errors()).extracting(e -> e.code()).containsExactly("BAD_CURSOR");
    }

    private PersistenceResult list(ListMatchesPayload payload) {
        return channel.execute(CommandChannel.command(CommandType.LIST_MATCHES, null, null, null, payload));
    }

    private static MatchResult round(String world, Instant start, int n) {
        Instant begin = start.plusSeconds(600L * n);
        return new MatchResult(MessageSchema.CURRENT, MatchResult.TYPE, UUID.randomUUID().toString(), world, "default", 1,
                begin, begin.plusSeconds(300), n % 2,
                List.of(new MatchResult.TeamResult(0, 5, 3, 2), new MatchResult.TeamResult(1, 3, 5, 0)),
                List.of(new MatchResult.AgentResult("a-0", 0, 2, 1, 12.5, 8.0, 240.0)));
    }
}
