package dev.agentarena.gateway.service;

import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.gateway.provider.ModelPrompt.Role;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation memory and the answer cache: bounded, and forgetting after their time to live. */
class MemoriesTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aConversationKeepsItsLastTurnsAndExpires() {
        Conversations conversations = new Conversations(2, 1_000, 10, now::get);
        conversations.record("ann", "c1", "q1", "a1");
        conversations.record("ann", "c1", "q2", "a2");
        conversations.record("ann", "c1", "q3", "a3");
        assertThat(conversations.history("ann", "c1")).extracting(t -> t.text()).containsExactly("q2", "a2", "q3", "a3");
        assertThat(conversations.history("ann", "c1").get(0).role()).isEqualTo(Role.USER);
        assertThat(conversations.history("bob", "c1")).as("per user").isEmpty();
        assertThat(conversations.history("ann", null)).isEmpty();
        now.addAndGet(1_001);
        assertThat(conversations.history("ann", "c1")).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedConversationGoesFirst() {
        Conversations conversations = new Conversations(2, 1_000, 2, now::get);
        conversations.record("ann", "c1", "q", "a");
        conversations.record("ann", "c2", "q", "a");
        conversations.history("ann", "c1");
        conversations.record("ann", "c3", "q", "a");
        assertThat(conversations.history("ann", "c2")).isEmpty();
        assertThat(conversations.history("ann", "c1")).isNotEmpty();
    }

    @Test
    void theCacheIsBoundedAndExpires() {
        AnswerCache cache = new AnswerCache(1, 1_000, now::get);
        LlmEvent answer = LlmEvent.of("r1", LlmStage.DONE, "hi", "offline", true);
        cache.put("k1", answer);
        assertThat(cache.get("k1")).contains(answer);
        cache.put("k2", answer);
        assertThat(cache.get("k1")).as("capacity 1").isEmpty();
        now.addAndGet(1_001);
        assertThat(cache.get("k2")).isEmpty();
    }
}
