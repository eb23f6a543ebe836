package dev.agentarena.engine.behavior;

import dev.agentarena.simulation.policy.BuiltInPolicies;
import dev.agentarena.simulation.policy.BehaviorPolicy;
import dev.agentarena.behavior.BehaviorCompiler;
import dev.agentarena.behavior.CompileResult;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.BehaviorRecord;
import dev.agentarena.simulation.DecisionPolicy;
import dev.agentarena.engine.view.BehaviorView;
import dev.agentarena.simulation.policy.PolicyCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every behavior id a world may run: the built-in documents ({@link BuiltInPolicies}) and the users' saved
 * behaviors from the {@link BehaviorView}.
 * A saved behavior is compiled once per version (compiling takes milliseconds; deciding must not); a deleted
 * behavior, or an older version of a changed one, no longer resolves.
 */
@ApplicationScoped
public class BehaviorCatalog implements PolicyCatalog {

    private static final Logger LOG = Logger.getLogger(BehaviorCatalog.class);

    /** A saved behavior's policy, for the version it was compiled from. */
    private record Compiled(long version, DecisionPolicy policy) {
    }

    private final BehaviorView behaviors;
    private final BuiltInPolicies builtIns = new BuiltInPolicies();
    private final Map<String, Compiled> saved = new ConcurrentHashMap<>();

    public BehaviorCatalog(BehaviorView behaviors) {
        this.behaviors = behaviors;
    }

    @Override
    public Optional<DecisionPolicy> find(String behaviorId) {
        if (behaviorId == null) {
            return Optional.empty();
        }
        Optional<DecisionPolicy> builtIn = builtIns.find(behaviorId);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        Optional<BehaviorRecord> record = behaviors.find(behaviorId);
        if (record.isEmpty()) {
            saved.remove(behaviorId);
            return Optional.empty();
        }
        BehaviorRecord current = record.get();
        Compiled compiled = saved.compute(behaviorId, (id, cached) ->
                cached != null && cached.version() == current.version() ? cached : compile(current));
        return Optional.ofNullable(compiled).map(Compiled::policy);
    }

    private static Compiled compile(BehaviorRecord record) {
        CompileResult result = BehaviorCompiler.compile(Json.write(record.document()));
        if (!result.ok()) {
            // Persistence validated it with the same validator; only a validator change between versions gets here.
            LOG.warnf("saved behavior %s (version %d) no longer compiles: %s", record.id(), record.version(),
                    result.report().diagnostics());
            return null;
        }
        return new Compiled(record.version(), new BehaviorPolicy(result.behavior()));
    }
}
