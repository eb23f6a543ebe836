package dev.agentarena.gateway.provider;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/** Exponential backoff from the configured delay, except that a provider's Retry-After is waited for exactly. */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private long nextDelay;

    @Override
    public void init(long initialDelayInMillis) {
        nextDelay = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        long exponential = nextDelay;
        nextDelay = Math.min(nextDelay * 2, 60_000);
        if (failure instanceof ProviderHttpException http && http.retryAfter().isPresent()) {
            return http.retryAfter().get().toMillis();
        }
        return exponential;
    }
}
