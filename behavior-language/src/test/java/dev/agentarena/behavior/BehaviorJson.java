package dev.agentarena.behavior;

/** Small builders of behavior JSON for tests. */
final class BehaviorJson {

    private BehaviorJson() {
    }

    /** A one-rule document with the given condition and a single wander entry of the given weight. */
    static String oneRule(String condition, String weight) {
        return """
                {"schemaVersion": 1, "name": "test", "rules": [
                  {"name": "only", "condition": %s, "steer": [{"primitive": "wander", "weight": %s}]}]}
                """.formatted(quote(condition), quote(weight));
    }

    static String quote(String text) {
        return dev.agentarena.contracts.json.Json.write(text);
    }
}
