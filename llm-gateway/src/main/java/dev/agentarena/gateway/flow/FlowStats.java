package dev.agentarena.gateway.flow;

/** What a flow reports for the metrics while it works. */
public interface FlowStats {

    void repaired();

    void checksFailed(int count);
}
