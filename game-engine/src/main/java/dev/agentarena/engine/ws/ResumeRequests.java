package dev.agentarena.engine.ws;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** {@code resume {resumeToken}}: a reconnected client takes back what its former connection was sent meanwhile. */
@ApplicationScoped
public class ResumeRequests implements RequestHandler {

    /** The reply to resume: {@code missed} messages kept for the client follow it, in order. */
    public record Resumed(String type, String requestId, int missed) {
        Resumed(String requestId, int missed) {
            this("resumed", requestId, missed);
        }
    }

    private final Resumption resumption;

    public ResumeRequests(Resumption resumption) {
        this.resumption = resumption;
    }

    @Override
    public Map<String, Route> routes() {
        return Map.of("resume", this::resume);
    }

    private void resume(ClientSession session, ClientRequest request) {
        String token = request.field("resumeToken", String.class, true);
        List<Object> missed = resumption.resume(token, session).orElseThrow(() -> new ProtocolException(
                request.requestId(), ErrorCode.NOT_FOUND,
                "nothing to resume: the token is unknown, used, expired or another user's", List.of()));
        session.send(new Resumed(request.requestId(), missed.size()));
        missed.forEach(session::send);
    }
}
