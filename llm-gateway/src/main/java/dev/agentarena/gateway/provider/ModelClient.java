package dev.agentarena.gateway.provider;

/** One provider API. Implementations map HTTP failures to {@link ProviderHttpException}; {@link ProviderCalls} guards them. */
interface ModelClient {

    ModelReply complete(ModelPrompt prompt);
}
