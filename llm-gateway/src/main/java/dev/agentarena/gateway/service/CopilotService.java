package dev.agentarena.gateway.service;

import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.LlmEvent;
import dev.agentarena.contracts.messages.LlmFailure;
import dev.agentarena.contracts.messages.LlmRequest;
import dev.agentarena.contracts.messages.LlmStage;
import dev.agentarena.contracts.messages.LlmTokens;
import dev.agentarena.gateway.config.GatewayConfig;
import dev.agentarena.gateway.flow.Answers;
import dev.agentarena.gateway.flow.ModelFlow;
import dev.agentarena.gateway.flow.OfflineFlow;
import dev.agentarena.gateway.flow.RequestContext;
import dev.agentarena.gateway.flow.RequestScreen;
import dev.agentarena.gateway.flow.WorldBrief;
import dev.agentarena.gateway.limits.UserLimits;
import dev.agentarena.gateway.provider.ModelPrompt.Turn;
import dev.agentarena.gateway.provider.ProviderCalls;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns one copilot request into its events: {@code queued}, the flow's progress, then exactly one final
 * event (DONE or FAILED). Applies the request checks (length, per-user rate and concurrency), declines what
 * the {@link RequestScreen} recognises, answers identical requests from the cache, remembers conversations,
 * and counts everything. Nothing escapes as an exception.
 */
@ApplicationScoped
public class CopilotService {

    private static final Logger LOG = Logger.getLogger(CopilotService.class);

    private final ProviderCalls provider;
    private final OfflineFlow offlineFlow;
    private final ModelFlow modelFlow;
    private final GatewayConfig config;
    private final CopilotMetrics metrics;
    private final UserLimits limits;
    private final AnswerCache cache;
    private final Conversations conversations;

    public CopilotService(ProviderCalls provider, OfflineFlow offlineFlow, ModelFlow modelFlow, GatewayConfig config, CopilotMetrics metrics) {
        this.provider = provider;
        this.offlineFlow = offlineFlow;
        this.modelFlow = modelFlow;
        this.config = config;
        this.metrics = metrics;
        this.limits = new UserLimits(config.requestsPerMinute(), config.requestBurst(), config.concurrentPerUser(), System::nanoTime);
        this.cache = new AnswerCache(config.cacheSize(), config.cacheTtl().toNanos(), System::nanoTime);
        this.conversations = new Conversations(config.conversationTurns(), config.conversationTtl().toNanos(), config.conversations(), System::nanoTime);
    }

    /** Runs on a worker thread: the model calls block. */
    public void handle(LlmRequest request, Consumer<LlmEvent> emit) {
        String id = request.requestId();
        String rejection = rejectionFor(request);
        if (rejection != null) {
            metrics.request(name(), provider.model(), "rejected", null);
            emit.accept(failure(id, LlmFailure.LLM_FAILED, rejection));
            return;
        }
        String user = request.userId() == null ? "anonymous" : request.userId();
        if (!limits.tryAcquire(user)) {
            metrics.request(name(), provider.model(), "rate_limited", null);
            emit.accept(failure(id, LlmFailure.RATE_LIMITED, "too many copilot requests: at most " + config.requestsPerMinute()
                    + " a minute and " + config.concurrentPerUser() + " at once; try again shortly"));
            return;
        }
        Instant start = Instant.now();
        try {
            emit.accept(LlmEvent.progress(id, LlmStage.QUEUED, 0, "queued", name(), provider.model(), provider.offline(), LlmTokens.NONE));
            LlmEvent last = answer(request, user, emit);
            metrics.request(name(), provider.model(), outcome(last), Duration.between(start, Instant.now()));
            metrics.tokens(name(), provider.model(), last.tokens());
            emit.accept(last);
        } catch (RuntimeException e) {
            LOG.errorf(e, "copilot request %s failed unexpectedly", id);
            metrics.request(name(), provider.model(), "failed", Duration.between(start, Instant.now()));
            emit.accept(failure(id, LlmFailure.LLM_FAILED, "the copilot failed unexpectedly; please try again"));
        } finally {
            limits.release(user);
        }
    }

    private LlmEvent answer(LlmRequest request, String user, Consumer<LlmEvent> emit) {
        String id = request.requestId();
        Optional<String> refusal = RequestScreen.refusal(request.query());
        if (refusal.isPresent()) {
            return LlmEvent.answer(id, 0, Answers.plain(refusal.get(), provider.offline()), null, null, List.of(), name(),
                    provider.model(), provider.offline(), LlmTokens.NONE);
        }
        List<Turn> history = conversations.history(user, request.conversationId());
        String key = cacheKey(request, history);
        Optional<LlmEvent> cached = cache.get(key);
        if (cached.isPresent()) {
            metrics.cacheHit(name(), provider.model());
            LlmEvent hit = cached.get();
            return LlmEvent.answer(id, hit.attempt(), hit.text(), hit.behavior(), hit.description(), hit.checks(), hit.provider(),
                    hit.model(), hit.offline(), LlmTokens.NONE);
        }
        RequestContext context = new RequestContext(request.query(), request.context(), config.maxContextLength(),
                WorldBrief.from(request.context()), history);
        LlmEvent last = provider.offline()
                ? offlineFlow.run(id, context, emit)
                : modelFlow.run(id, context, emit, metrics.flowStats(name(), provider.model()));
        if (last.stage() == LlmStage.DONE) {
            cache.put(key, last);
            conversations.record(user, request.conversationId(), request.query(), last.text());
        }
        return last;
    }

    private String rejectionFor(LlmRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            return "the query is empty";
        }
        if (request.query().length() > config.maxQueryLength()) {
            return "the query is longer than " + config.maxQueryLength() + " characters";
        }
        return null;
    }

    private String cacheKey(LlmRequest request, List<Turn> history) {
        String material = name() + "\u0000" + provider.model() + "\u0000" + request.query().strip() + "\u0000"
                + (request.context() == null ? "" : Json.write(request.context())) + "\u0000" + Json.write(history);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String outcome(LlmEvent last) {
        if (last.stage() == LlmStage.DONE) {
            return last.behavior() == null ? "replied" : "answered";
        }
        return last.failure() == LlmFailure.LLM_UNAVAILABLE ? "unavailable" : "failed";
    }

    private LlmEvent failure(String id, LlmFailure failure, String text) {
        return LlmEvent.failure(id, 0, failure, text, List.of(), List.of(), name(), provider.model(), provider.offline(), LlmTokens.NONE);
    }

    private String name() {
        return provider.name();
    }
}
