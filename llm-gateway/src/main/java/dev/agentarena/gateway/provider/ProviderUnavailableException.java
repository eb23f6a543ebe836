package dev.agentarena.gateway.provider;

/** The provider could not give an answer in time: timeout, exhausted retries, open circuit, full bulkhead, rejection. */
public final class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
