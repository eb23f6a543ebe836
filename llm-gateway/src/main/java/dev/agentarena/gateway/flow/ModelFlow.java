package dev.agentarena.gateway.flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.behavior.Diagnostic;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.json.JsonReadException;
import dev.agentarena.contracts.messages.LlmCheck;
import dev.agentarena.contracts.messages.LlmDescription;
import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmExpectation;
import dev.agentarena.contracts.messages.LlmFailure;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.contracts.messages.LlmTokens;
import dev.agentarena.gateway.config.GatewayConfig;
import dev.agentarena.gateway.config.LlmConfig;
import dev.agentarena.gateway.offline.OfflineComposer;
import dev.agentarena.gateway.provider.ModelPrompt;
import dev.agentarena.gateway.provider.ModelReply;
import dev.agentarena.gateway.provider.ProviderCalls;
import dev.agentarena.gateway.provider.ProviderUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The copilot with a model: reformulate the request into a description, generate the document, validate
 * it, check it, and repair it (validator diagnostics and failed checks go back to the model) at most
 * {@code maxRepairs} times; then answer with a behavior that passed both, or fail with the diagnostics.
 */
@ApplicationScoped
public class ModelFlow {

    /** Fewest output tokens worth asking for: below this the budget counts as spent. */
    static final int MIN_CALL_TOKENS = 256;

    private final ProviderCalls calls;
    private final Prompts prompts;
    private final DraftJudge judge;
    private final OfflineComposer composer;
    private final GatewayConfig config;
    private final LlmConfig llm;

    public ModelFlow(ProviderCalls calls, Prompts prompts, DraftJudge judge, OfflineComposer composer, GatewayConfig config, LlmConfig llm) {
        this.calls = calls;
        this.prompts = prompts;
        this.judge = judge;
        this.composer = composer;
        this.config = config;
        this.llm = llm;
    }

    /** Reports each attempt's repairs and failed checks through {@code stats}. */
    public LlmEvent run(String requestId, RequestContext request, Consumer<LlmEvent> progress, FlowStats stats) {
        Run run = new Run(requestId, progress);
        try {
            run.note(LlmStage.REFORMULATING, 1, "restating the request");
            Optional<ModelReply> described = run.call(max -> prompts.reformulate(request, max));
            if (described.isEmpty()) {
                return run.budgetSpent(List.of(), List.of());
            }
            JsonNode reformulation = parse(described.get().json());
            String kind = reformulation.path("kind").asText("behavior");
            if (!kind.equals("behavior")) {
                String answer = reformulation.path("answer").asText("");
                return run.answer(Answers.plain(answer.isBlank() ? "I can only write behaviors for your agents." : answer, false),
                        null, null, List.of());
            }
            LlmDescription description = description(reformulation, request);
            if (description.expectations().isEmpty()) {
                return run.failed(LlmFailure.LLM_FAILED, "no situation to check the behavior in could be derived from the request;"
                        + " describe when the agents should do what", List.of(), List.of());
            }
            String previous = null;
            Verdict verdict = null;
            for (int attempt = 1; attempt <= 1 + config.maxRepairs(); attempt++) {
                boolean repair = attempt > 1;
                if (repair) {
                    stats.repaired();
                }
                run.note(repair ? LlmStage.REPAIRING : LlmStage.GENERATING, attempt, repair ? "repairing the behavior" : "writing the behavior");
                Verdict last = verdict;
                String prior = previous;
                Optional<ModelReply> reply = run.call(max -> repair
                        ? prompts.repair(request, description, prior, last.diagnostics(), last.failedChecks(), max)
                        : prompts.generate(request, description, max));
                if (reply.isEmpty()) {
                    return run.budgetSpent(verdict == null ? List.of() : verdict.diagnostics(), verdict == null ? List.of() : verdict.checks());
                }
                previous = plainDescription(reply.get().json());
                int current = attempt;
                verdict = judge.judge(new Draft(previous, description),
                        () -> run.note(LlmStage.VALIDATING, current, "validating"),
                        () -> run.note(LlmStage.CHECKING, current, "checking what it decides"));
                stats.checksFailed(verdict.failedChecks().size());
                if (verdict.passed()) {
                    String name = verdict.behavior().path("name").asText();
                    return run.answer(Answers.behavior(name, description, verdict, false), verdict.behavior(), description, verdict.checks());
                }
            }
            return run.failed(LlmFailure.LLM_FAILED, "the model's behavior still failed after " + config.maxRepairs() + " repairs: "
                    + summary(verdict), verdict.diagnostics(), verdict.checks());
        } catch (ProviderUnavailableException e) {
            return run.failed(LlmFailure.LLM_UNAVAILABLE, "the language model is unavailable: " + e.getMessage(), List.of(), List.of());
        }
    }

    /** The model's description, its situations completed by the offline composer's when it gave none. */
    private LlmDescription description(JsonNode reformulation, RequestContext request) {
        LlmDescription given;
        try {
            given = Json.convert(reformulation, ReformulationShape.class).description();
        } catch (JsonReadException e) {
            given = new LlmDescription(List.of(), List.of(), List.of(), List.of());
        }
        if (!given.expectations().isEmpty()) {
            return given;
        }
        List<LlmExpectation> derived = composer.compose(request.query(), request.world())
                .map(draft -> draft.description().expectations()).orElse(List.of());
        return new LlmDescription(given.triggers(), given.actions(), given.special(), derived);
    }

    /** The reformulation as the schema asks for it; unknown extra fields are tolerated here, not in documents. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReformulationShape(String kind, String answer, List<String> triggers, List<String> actions, List<String> special,
                              List<LlmExpectation> expectations) {
        LlmDescription description() {
            return new LlmDescription(plain(triggers), plain(actions), plain(special), expectations);
        }

        private static List<String> plain(List<String> texts) {
            return texts == null ? List.of() : texts.stream().limit(8).map(t -> PlainText.of(t, 200)).toList();
        }
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = Json.tree(json);
            return node.isObject() ? node : Json.mapper().createObjectNode();
        } catch (JsonReadException e) {
            return Json.mapper().createObjectNode();
        }
    }

    /** The document with its description made plain text; anything unparseable is left for the validator to report. */
    private static String plainDescription(String document) {
        try {
            JsonNode node = Json.tree(document);
            if (node instanceof ObjectNode object && object.path("description").isTextual()) {
                object.put("description", PlainText.of(object.path("description").asText(), 2000));
                return Json.write(object);
            }
        } catch (JsonReadException e) {
            // the validator reports it with line and column
        }
        return document;
    }

    private static String summary(Verdict verdict) {
        if (!verdict.valid()) {
            return verdict.diagnostics().size() + " validation problem(s), first: " + verdict.diagnostics().get(0);
        }
        List<LlmCheck> failed = verdict.failedChecks();
        return failed.size() + " failed check(s), first: " + failed.get(0).scenario() + " should " + failed.get(0).expectation();
    }

    /** One request's calls, token account and events. */
    private final class Run {
        private final String requestId;
        private final Consumer<LlmEvent> progress;
        private LlmTokens tokens = LlmTokens.NONE;
        private int attempt = 1;

        Run(String requestId, Consumer<LlmEvent> progress) {
            this.requestId = requestId;
            this.progress = progress;
        }

        void note(LlmStage stage, int attempt, String text) {
            this.attempt = attempt;
            progress.accept(LlmEvent.progress(requestId, stage, attempt, text, calls.name(), calls.model(), false, tokens));
        }

        /** One guarded call within the token budget; empty when the budget is spent. */
        Optional<ModelReply> call(IntFunction<ModelPrompt> prompt) {
            long left = config.tokenBudget() - tokens.total();
            if (left < MIN_CALL_TOKENS) {
                return Optional.empty();
            }
            ModelReply reply = calls.complete(prompt.apply((int) Math.min(llm.maxOutputTokens(), left)));
            tokens = tokens.plus(reply.tokens());
            return Optional.of(reply);
        }

        LlmEvent answer(String text, JsonNode behavior, LlmDescription description, List<LlmCheck> checks) {
            return LlmEvent.answer(requestId, attempt, text, behavior, description, checks, calls.name(), calls.model(), false, tokens);
        }

        LlmEvent failed(LlmFailure failure, String text, List<Diagnostic> diagnostics, List<LlmCheck> checks) {
            return LlmEvent.failure(requestId, attempt, failure, PlainText.of(text, Answers.MAX_TEXT), diagnostics, checks,
                    calls.name(), calls.model(), false, tokens);
        }

        LlmEvent budgetSpent(List<Diagnostic> diagnostics, List<LlmCheck> checks) {
            return failed(LlmFailure.LLM_FAILED, "the request used up its budget of " + config.tokenBudget() + " tokens", diagnostics, checks);
        }
    }
}
