package dev.agentarena.gateway.flow;

import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmFailure;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.contracts.messages.LlmTokens;
import dev.agentarena.gateway.offline.OfflineComposer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Consumer;

/** The copilot without a model: the offline composer's draft takes the same validate → check → answer path. */
@ApplicationScoped
public class OfflineFlow {

    public static final String PROVIDER = "offline";

    private final OfflineComposer composer;
    private final DraftJudge judge;

    public OfflineFlow(OfflineComposer composer, DraftJudge judge) {
        this.composer = composer;
        this.judge = judge;
    }

    public LlmEvent run(String requestId, RequestContext request, Consumer<LlmEvent> progress) {
        progress.accept(LlmEvent.progress(requestId, LlmStage.REFORMULATING, 1, "reading the request (offline composer)", PROVIDER, null, true, LlmTokens.NONE));
        var draft = composer.compose(request.query(), request.world());
        if (draft.isEmpty()) {
            return LlmEvent.answer(requestId, 1, Answers.plain("I could not match this request to anything I can compose."
                    + " I understand: " + OfflineComposer.UNDERSTOOD + ".", true), null, null, List.of(), PROVIDER, null, true, LlmTokens.NONE);
        }
        progress.accept(LlmEvent.progress(requestId, LlmStage.GENERATING, 1, "composing from vetted rules", PROVIDER, null, true, LlmTokens.NONE));
        Verdict verdict = judge.judge(draft.get(),
                () -> progress.accept(LlmEvent.progress(requestId, LlmStage.VALIDATING, 1, "validating", PROVIDER, null, true, LlmTokens.NONE)),
                () -> progress.accept(LlmEvent.progress(requestId, LlmStage.CHECKING, 1, "checking what it decides", PROVIDER, null, true, LlmTokens.NONE)));
        if (!verdict.passed()) {
            return LlmEvent.failure(requestId, 1, LlmFailure.LLM_FAILED, "the offline composer's behavior did not pass its"
                    + " validation or checks; please report this request", verdict.diagnostics(), verdict.checks(), PROVIDER, null, true, LlmTokens.NONE);
        }
        String name = verdict.behavior().path("name").asText();
        return LlmEvent.answer(requestId, 1, Answers.behavior(name, draft.get().description(), verdict, true), verdict.behavior(),
                draft.get().description(), verdict.checks(), PROVIDER, null, true, LlmTokens.NONE);
    }
}
