package dev.agentarena.gateway.provider;

import java.time.Duration;
import java.util.Optional;

/** A provider answered with an HTTP error; 429 and 5xx are worth retrying, after {@code retryAfter} when it said so. */
final class ProviderHttpException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    ProviderHttpException(int status, Duration retryAfter) {
        super("the provider answered HTTP " + status);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    boolean retriable() {
        return status == 429 || status >= 500;
    }

    /** Parses {@code Retry-After} given in seconds (the form model APIs use); an HTTP date or junk is ignored. */
    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(header.strip());
            return seconds >= 0 ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
