package dev.agentarena.engine.behavior;

import dev.agentarena.simulation.policy.BehaviorPolicy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.behavior.BuiltInBehaviors;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.engine.view.BehaviorView;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BehaviorCatalogTest {

    private final BehaviorView view = new BehaviorView();
    private final BehaviorCatalog catalog = new BehaviorCatalog(view);

    @Test
    void resolvesEveryBuiltInDocumentAndTheDefault() {
        for (String id : BuiltInBehaviors.IDS) {
            DecisionPolicy policy = catalog.find(id).orElseThrow();
            assertThat(((BehaviorPolicy) policy).behavior()).isSameAs(BuiltInBehaviors.compiled(id));
        }
        assertThat(((BehaviorPolicy) catalog.defaultPolicy()).behavior()).isSameAs(BuiltInBehaviors.compiled("default"));
        assertThat(catalog.find("builtin")).isEmpty();
        assertThat(catalog.find("nope")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void aSavedBehaviorCompilesOncePerVersionAndStopsResolvingWhenDeleted() {
        view.upsert(record("mine", 1, "Roamer"));
        DecisionPolicy first = catalog.find("mine").orElseThrow();
        assertThat(((BehaviorPolicy) first).behavior().name()).isEqualTo("Roamer");
        assertThat(catalog.find("mine")).containsSame(first);

        view.upsert(record("mine", 2, "Roamer two"));
        DecisionPolicy second = catalog.find("mine").orElseThrow();
        assertThat(second).isNotSameAs(first);
        assertThat(((BehaviorPolicy) second).behavior().name()).isEqualTo("Roamer two");

        view.remove("mine");
        assertThat(catalog.find("mine")).isEmpty();
    }

    private static BehaviorRecord record(String id, long version, String name) {
        ObjectNode document = (ObjectNode) Json.tree(BuiltInBehaviors.json("wander"));
        document.put("name", name);
        return new BehaviorRecord(1, id, "alice", name, version, Instant.now(), document);
    }
}
