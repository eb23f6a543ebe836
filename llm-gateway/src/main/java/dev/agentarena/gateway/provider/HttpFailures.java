package dev.agentarena.gateway.provider;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/** Turns the REST client's HTTP errors into {@link ProviderHttpException}s carrying status and Retry-After. */
final class HttpFailures {

    private HttpFailures() {
    }

    static <T> T mapped(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            throw new ProviderHttpException(response.getStatus(),
                    ProviderHttpException.parseRetryAfter(response.getHeaderString("Retry-After")));
        }
    }
}
