package dev.agentarena.persistence.api;

import dev.agentarena.contracts.FieldError;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The body of every refusal of the ops API: a message for people and, for a bad query, the field at fault. */
public record ApiError(String message, List<FieldError> errors) {

    static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND).entity(new ApiError(message, List.of())).build();
    }

    static Response badRequest(FieldError error) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new ApiError(error.message(), List.of(error))).build();
    }
}
