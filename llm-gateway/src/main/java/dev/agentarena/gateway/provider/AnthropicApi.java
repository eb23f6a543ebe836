package dev.agentarena.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The Anthropic Messages API, relative to the base URL (e.g. {@code https://api.anthropic.com}). */
@Path("/v1/messages")
interface AnthropicApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode complete(@HeaderParam("x-api-key") String apiKey, @HeaderParam("anthropic-version") String version,
                      JsonNode body);
}
