package dev.agentarena.engine.world;

import dev.agentarena.contracts.messages.MatchResult;

/** Where a world's finished rounds go. Called on the world's thread, which must never wait: hand the work off. */
@FunctionalInterface
public interface MatchSink {

    MatchSink NONE = result -> { };

    void roundEnded(MatchResult result);
}
