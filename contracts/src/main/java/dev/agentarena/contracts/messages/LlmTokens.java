package dev.agentarena.contracts.messages;

/** Model tokens one request used over all its attempts; zero for the offline composer. */
public record LlmTokens(long in, long out) {

    public static final LlmTokens NONE = new LlmTokens(0, 0);

    public LlmTokens plus(LlmTokens other) {
        return new LlmTokens(in + other.in, out + other.out);
    }

    public long total() {
        return in + out;
    }
}
