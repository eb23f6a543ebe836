package dev.agentarena.gateway.flow;

import dev.agentarena.contracts.messages.LlmDescription;

/** The plain-text parts of answers, so the model and the offline paths say the same things the same way. */
public final class Answers {

    public static final int MAX_TEXT = 2000;

    public static final String OFFLINE_NOTE = "(Offline composer: no language model is configured, so this was composed from"
            + " vetted rules. To connect a model, set ARENA_LLM_PROVIDER=openai for any OpenAI-compatible server (OpenAI, Ollama,"
            + " vLLM, llama.cpp server, LM Studio) or anthropic, with ARENA_LLM_BASE_URL, ARENA_LLM_MODEL and ARENA_LLM_API_KEY;"
            + " see docs/llm.md.)";

    private Answers() {
    }

    /** The answer that hands out a behavior: what it does and how it was checked. */
    public static String behavior(String name, LlmDescription description, Verdict verdict, boolean offline) {
        long decided = verdict.checks().stream().filter(c -> c.ran() && c.ok()).count();
        StringBuilder text = new StringBuilder("Here is \"").append(name).append("\". ");
        text.append(String.join("; ", description.actions())).append(". ");
        if (!description.special().isEmpty()) {
            text.append("Also: ").append(String.join("; ", description.special())).append(". ");
        }
        text.append("It validated and passed ").append(decided).append(decided == 1 ? " check" : " checks")
                .append(" (one think and a short simulation per situation)");
        if (verdict.notRun() > 0) {
            text.append("; ").append(verdict.notRun()).append(verdict.notRun() == 1 ? " check" : " checks")
                    .append(" could not be simulated and rest on the one-think check");
        }
        text.append('.');
        if (offline) {
            text.append(' ').append(OFFLINE_NOTE);
        }
        return PlainText.of(text.toString(), MAX_TEXT);
    }

    public static String plain(String text, boolean offline) {
        return PlainText.of(offline ? text + " " + OFFLINE_NOTE : text, MAX_TEXT);
    }
}
