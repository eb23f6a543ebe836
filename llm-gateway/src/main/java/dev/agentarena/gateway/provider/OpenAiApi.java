package dev.agentarena.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp server, LM Studio), relative to the base URL. */
@Path("/chat/completions")
interface OpenAiApi {

    /** @param authorization {@code Bearer <key>}, or null for servers that need none */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode complete(@HeaderParam("Authorization") String authorization, JsonNode body);
}
