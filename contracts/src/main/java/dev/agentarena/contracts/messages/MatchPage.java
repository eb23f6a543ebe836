package dev.agentarena.contracts.messages;

import java.util.List;

/** The entity of an OK {@link CommandType#LIST_MATCHES} result: newest first; {@code nextCursor} null on the last page. */
public record MatchPage(List<MatchResult> matches, String nextCursor) {
}
