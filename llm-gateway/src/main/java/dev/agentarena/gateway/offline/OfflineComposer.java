package dev.agentarena.gateway.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentarena.contracts.json.Json;
import dev.agentarena.contracts.messages.LlmDescription;
import dev.agentarena.contracts.messages.LlmExpectation;
import dev.agentarena.contracts.messages.LlmExpectation.Outcome;
import dev.agentarena.gateway.flow.Draft;
import dev.agentarena.gateway.flow.WorldBrief;
import dev.agentarena.gateway.offline.Intent.Kind;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Composes a behavior from vetted rules when no model is configured: the request's intents
 * ({@link IntentGrammar}) become rules in a fixed priority (survive, charge, engage, stay grouped, then one
 * catch-all), their numbers become params, and each rule adds the situations it must be checked in.
 * The result goes through the same validation and checks as a model's answer.
 */
@ApplicationScoped
public class OfflineComposer {

    /** What the offline composer understands, for the answer when it understood nothing. */
    public static final String UNDERSTOOD = "flee when weak (\"flee below 40 % health\"), focus the weakest or the nearest enemy"
            + " (\"attack the nearest enemy within 80 units\"), stay grouped, guard home or the middle of the map, patrol,"
            + " kite at range (\"keep 90 units away\"), retreat to allies, charge when outnumbering, wander or explore,"
            + " hold position, and combinations (\"flee below 30 %, otherwise hunt the weakest\")";

    private static final double HEALTHY = 0.95;
    private static final double ENEMY_NEAR = 60;

    /** The intents of {@code query}; empty when it asks for nothing the composer knows. */
    public Optional<Draft> compose(String query, WorldBrief world) {
        List<Intent> intents = IntentGrammar.parse(query, world.baseHealth());
        if (intents.stream().allMatch(intent -> intent.kind() == Kind.NEVER_FLEE) && !intents.isEmpty()) {
            intents = List.of(Intent.of(Kind.NEVER_FLEE), Intent.of(Kind.ATTACK_NEAREST));
        }
        if (intents.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Assembly(intents, world).draft());
    }

    /** One composition in progress. */
    private static final class Assembly {
        private final Map<Kind, Intent> intents;
        private final WorldBrief world;
        private final ObjectNode params = Json.mapper().createObjectNode();
        private final List<ObjectNode> rules = new ArrayList<>();
        private final List<String> triggers = new ArrayList<>();
        private final List<String> actions = new ArrayList<>();
        private final List<String> special = new ArrayList<>();
        private final List<LlmExpectation> expectations = new ArrayList<>();
        private final List<String> nameParts = new ArrayList<>();
        private final boolean grouped;
        private final String huntTarget;

        Assembly(List<Intent> asked, WorldBrief world) {
            this.intents = asked.stream().collect(Collectors.toMap(Intent::kind, Function.identity(), (a, b) -> a,
                    () -> new EnumMap<>(Kind.class)));
            this.world = world;
            if (intents.containsKey(Kind.FLEE_ALWAYS) && (intents.containsKey(Kind.ATTACK_NEAREST) || intents.containsKey(Kind.FOCUS_WEAKEST))
                    && !intents.containsKey(Kind.KITE)) {
                // Running from every enemy while attacking them is kiting.
                intents.remove(Kind.FLEE_ALWAYS);
                intents.put(Kind.KITE, Intent.of(Kind.KITE));
            }
            Intent weak = intents.get(Kind.FLEE_WHEN_WEAK);
            if (weak != null && weak.health() != null && weak.health() >= 1) {
                // "flee below 100 %" is fleeing from every enemy.
                intents.remove(Kind.FLEE_WHEN_WEAK);
                intents.putIfAbsent(Kind.FLEE_ALWAYS, Intent.of(Kind.FLEE_ALWAYS));
            }
            this.grouped = intents.containsKey(Kind.STAY_GROUPED);
            this.huntTarget = intents.containsKey(Kind.FOCUS_WEAKEST) ? "weakestEnemy" : "nearestEnemy";
        }

        Draft draft() {
            survive();
            charge();
            engage();
            group();
            catchAll();
            if (intents.containsKey(Kind.NEVER_FLEE)) {
                special.add("never flees, whatever its health");
            }
            special.add("every rule but the ones that run to allies or home strikes an enemy within attack range; walls are avoided");
            ObjectNode document = Json.mapper().createObjectNode();
            document.put("schemaVersion", 1);
            document.put("name", name());
            document.put("description", "Composed offline from vetted rules. " + String.join("; ", actions) + ".");
            if (!params.isEmpty()) {
                document.set("params", params);
            }
            ArrayNode ruleArray = document.putArray("rules");
            rules.forEach(ruleArray::add);
            return new Draft(Json.write(document), new LlmDescription(triggers, actions, special, expectations));
        }

        private void survive() {
            Intent retreat = intents.get(Kind.RETREAT_TO_ALLIES);
            if (retreat != null) {
                double h = health(retreat, 0.35);
                param("retreatHealth", h, 0, 1, "health ratio under which the agent falls back to its allies");
                rules.add(VettedRules.towardsAlly("retreat", "nearestAlly.exists && self.healthRatio < params.retreatHealth"));
                rules.add(VettedRules.flee("flee", "nearestEnemy.exists && self.healthRatio < params.retreatHealth"));
                step("own health below " + percent(h) + " with an ally in sight", "move to the nearest ally");
                step("own health below " + percent(h) + " with no ally in sight", "evade the nearest enemy");
                expect(h * 0.7, ENEMY_NEAR, null, null, null, null, 80.0, null, null, Outcome.MOVES_TOWARD_ALLY);
                expect(h * 0.7, ENEMY_NEAR, null, null, null, null, -1.0, null, null, Outcome.MOVES_AWAY_FROM_ENEMY);
                nameParts.add("Retreat below " + Math.round(h * 100));
            }
            Intent weak = intents.get(Kind.FLEE_WHEN_WEAK);
            if (weak != null && retreat == null) {
                double h = health(weak, 0.3);
                param("fleeHealth", h, 0, 1, "health ratio under which the agent flees");
                rules.add(VettedRules.flee("flee", "nearestEnemy.exists && self.healthRatio < params.fleeHealth"));
                step("own health below " + percent(h) + " with an enemy in sight", "evade the nearest enemy");
                expect(h * 0.7, ENEMY_NEAR, null, null, null, null, null, null, null, Outcome.MOVES_AWAY_FROM_ENEMY);
                nameParts.add("Flee below " + Math.round(h * 100));
            }
            if (intents.containsKey(Kind.FLEE_WHEN_OUTNUMBERED)) {
                rules.add(VettedRules.flee("flee-outnumbered", "nearestEnemy.exists && enemies.recognition > allies.recognition + 1"));
                step("outnumbered: more enemies than allies + 1 in the recognition zone", "evade the nearest enemy");
                expect(HEALTHY, ENEMY_NEAR, null, 4.0, 0.0, null, null, null, null, Outcome.MOVES_AWAY_FROM_ENEMY);
                nameParts.add("Flee outnumbered");
            }
        }

        private void charge() {
            Intent charge = intents.get(Kind.CHARGE_WHEN_OUTNUMBERING);
            if (charge != null) {
                double margin = Math.max(1, Math.min(10, charge.margin() == null ? 1 : charge.margin()));
                param("margin", margin, 1, 10, "how many more of us than enemies count as outnumbering them");
                rules.add(VettedRules.hunt("charge", huntTarget + ".exists && allies.recognition + 1 >= enemies.recognition + params.margin",
                        huntTarget, "1.5", grouped));
                step("at least " + (long) margin + " more of us than enemies in the recognition zone",
                        "charge the " + targetWords() + " at 1.5 x force and strike it");
                expect(HEALTHY, 80.0, null, 1.0, 1.0 + margin + 1, null, null, null, null, towardsOutcome());
                nameParts.add("Charge outnumbering");
            }
            if (intents.containsKey(Kind.FLEE_ALWAYS)) {
                rules.add(VettedRules.flee("avoid", "nearestEnemy.exists"));
                step("an enemy in sight", "evade the nearest enemy (strike it if it comes within range)");
                expect(HEALTHY, ENEMY_NEAR, null, null, null, null, null, null, null, Outcome.MOVES_AWAY_FROM_ENEMY);
                nameParts.add("Avoid enemies");
            }
        }

        private void engage() {
            Intent hunt = intents.containsKey(Kind.FOCUS_WEAKEST) ? intents.get(Kind.FOCUS_WEAKEST) : intents.get(Kind.ATTACK_NEAREST);
            if (intents.containsKey(Kind.KITE)) {
                double d = clamp(distance(intents.get(Kind.KITE), 80), world.attackRange() + 10, world.visualRange() - 10);
                param("keepDistance", d, 0, 1000, "distance under which the agent backs off from the nearest enemy");
                rules.add(VettedRules.backOff("back-off", "nearestEnemy.exists && nearestEnemy.distance < params.keepDistance"));
                rules.add(VettedRules.hunt("close-in", huntTarget + ".exists", huntTarget, null, grouped));
                step("an enemy closer than " + units(d), "back off from it while striking it if in range");
                step("an enemy in sight farther away", "close in on the " + targetWords());
                expect(HEALTHY, d * 0.5, null, null, null, null, null, null, null, Outcome.MOVES_AWAY_FROM_ENEMY);
                expect(HEALTHY, (d + world.visualRange()) / 2, null, null, null, null, null, null, null, towardsOutcome());
                nameParts.add("Kite at " + Math.round(d));
            } else if (intents.containsKey(Kind.GUARD_MIDDLE)) {
                double r = clamp(distance(intents.get(Kind.GUARD_MIDDLE), 100), 20, Math.min(world.width(), world.height()) / 2);
                String inZone = String.format(Locale.ROOT, "math.abs(self.x - %.0f) < params.zoneRadius && math.abs(self.y - %.0f) < params.zoneRadius",
                        world.width() / 2, world.height() / 2);
                param("zoneRadius", r, 0, 1000, "half the side of the square around the middle of the map that the agent holds");
                rules.add(VettedRules.hunt("defend-middle", huntTarget + ".exists && " + huntTarget + ".distance < params.zoneRadius && " + inZone,
                        huntTarget, null, grouped));
                rules.add(VettedRules.hold("hold-middle", inZone));
                step("in the middle of the map (within " + units(r) + " of " + middle() + ") with an enemy within " + units(r),
                        "attack the " + targetWords());
                step("in the middle of the map", "hold position and strike enemies in range");
                special.add("the language cannot steer towards a map point: outside the middle the agents roam until they reach it");
                expect(HEALTHY, -1.0, null, null, null, 1.0, 30.0, world.width() / 2, world.height() / 2, Outcome.HOLDS_POSITION);
                expect(HEALTHY, Math.min(r / 2, 60), null, null, null, null, null, world.width() / 2, world.height() / 2, towardsOutcome());
                expect(HEALTHY, -1.0, null, null, null, 0.0, -1.0, 20.0, 20.0, Outcome.WANDERS);
                nameParts.add("Hold the middle");
            } else if (intents.containsKey(Kind.GUARD_HOME) || intents.containsKey(Kind.PATROL)) {
                Intent guard = intents.getOrDefault(Kind.GUARD_HOME, intents.get(Kind.PATROL));
                double r = clamp(distance(guard, 100), 20, world.visualRange());
                param("guardRadius", r, 0, 1000, "distance within which the agent attacks an enemy while guarding");
                rules.add(VettedRules.hunt("intercept", huntTarget + ".exists && " + huntTarget + ".distance < params.guardRadius",
                        huntTarget, null, grouped));
                step("an enemy within " + units(r), "attack the " + targetWords());
                expect(HEALTHY, Math.min(r / 2, 60), null, null, null, null, null, null, null, towardsOutcome());
                nameParts.add(intents.containsKey(Kind.PATROL) ? "Patrol" : "Guard home");
            } else if (hunt != null) {
                String condition = huntTarget + ".exists";
                double near = ENEMY_NEAR;
                if (hunt.distance() != null) {
                    double range = clamp(hunt.distance(), 1, 1000);
                    param("engageRange", range, 0, 1000, "distance within which the agent attacks");
                    condition += " && " + huntTarget + ".distance < params.engageRange";
                    near = Math.min(range / 2, ENEMY_NEAR);
                    step("the " + targetWords() + " within " + units(range), "pursue it at 1.2 x force and strike it");
                } else {
                    step("an enemy in sight", "pursue the " + targetWords() + " at 1.2 x force and strike it");
                }
                rules.add(VettedRules.hunt("hunt", condition, huntTarget, "1.2", grouped));
                expect(HEALTHY, near, 0.3, null, null, null, null, null, null, towardsOutcome());
                expect(HEALTHY, 20.0, 0.3, null, null, null, null, null, null, Outcome.STRIKES_ENEMY);
                nameParts.add(huntTarget.equals("weakestEnemy") ? "Hunt weakest" : "Hunt nearest");
            }
        }

        private void group() {
            if (grouped) {
                rules.add(VettedRules.regroup("regroup", "allies.near == 0 && nearestAlly.exists"));
                step("no ally in the group but one in sight", "go to the nearest ally");
                Double corner = intents.containsKey(Kind.GUARD_MIDDLE) ? 20.0 : null;
                expect(HEALTHY, -1.0, null, null, null, 0.0, 100.0, corner, corner, Outcome.MOVES_TOWARD_ALLY);
                nameParts.add("Stay grouped");
            }
        }

        private void catchAll() {
            if (intents.containsKey(Kind.GUARD_MIDDLE)) {
                rules.add(VettedRules.wander("find-middle", "true"));
                step("otherwise", "roam (towards the middle, by chance) avoiding walls");
            } else if (intents.containsKey(Kind.PATROL)) {
                rules.add(VettedRules.patrol("patrol", "true"));
                step("otherwise", "patrol around the spawn point");
                expect(HEALTHY, -1.0, null, null, null, 1.0, 30.0, null, null, Outcome.GOES_HOME);
            } else if (intents.containsKey(Kind.GUARD_HOME)) {
                rules.add(VettedRules.goHome("return", "true"));
                step("otherwise", "return to the spawn point and stay there");
                expect(HEALTHY, -1.0, null, null, null, 1.0, 30.0, null, null, Outcome.GOES_HOME);
            } else if (intents.containsKey(Kind.HOLD)) {
                rules.add(VettedRules.hold("hold", "true"));
                step("otherwise", "hold position and strike enemies in range");
                expect(HEALTHY, -1.0, null, null, null, 1.0, 30.0, null, null, Outcome.HOLDS_POSITION);
                nameParts.add("Hold");
            } else if (grouped) {
                rules.add(VettedRules.flock("flock", "true"));
                step("otherwise", "move as a group (cohesion, alignment, separation) while wandering");
                expect(HEALTHY, -1.0, null, null, null, 2.0, 30.0, null, null, Outcome.STAYS_WITH_ALLIES);
            } else {
                rules.add(VettedRules.wander(intents.containsKey(Kind.WANDER) ? "wander" : "roam", "true"));
                step("otherwise", "wander, avoiding walls");
                if (intents.containsKey(Kind.WANDER)) {
                    expect(HEALTHY, -1.0, null, null, null, 0.0, -1.0, null, null, Outcome.WANDERS);
                    nameParts.add("Wander");
                }
            }
        }

        private void step(String trigger, String action) {
            triggers.add(trigger);
            actions.add((trigger.equals("otherwise") ? "otherwise" : "when " + trigger) + ": " + action);
        }

        private void expect(Double health, Double enemyDistance, Double enemyHealth, Double enemies, Double allies, Double alliesNear,
                            Double allyDistance, Double x, Double y, Outcome outcome) {
            expectations.add(new LlmExpectation(health, enemyDistance, enemyHealth, enemies, allies, alliesNear, allyDistance, x, y, outcome));
        }

        private void param(String name, double value, double min, double max, String description) {
            params.putObject(name).put("default", value).put("min", min).put("max", max).put("description", description);
        }

        private Outcome towardsOutcome() {
            return huntTarget.equals("weakestEnemy") ? Outcome.MOVES_TOWARD_WEAKEST_ENEMY : Outcome.MOVES_TOWARD_ENEMY;
        }

        private String targetWords() {
            return huntTarget.equals("weakestEnemy") ? "weakest visible enemy" : "nearest enemy";
        }

        private String middle() {
            return String.format(Locale.ROOT, "(%.0f, %.0f)", world.width() / 2, world.height() / 2);
        }

        private String name() {
            String name = nameParts.isEmpty() ? "Roam and strike" : String.join(" - ", nameParts);
            while (name.length() > 64) {
                name = name.substring(0, name.lastIndexOf(" - "));
            }
            return name;
        }

        private static double health(Intent intent, double fallback) {
            double h = intent.health() == null ? fallback : intent.health();
            return Math.round(Math.max(0.01, h) * 100) / 100.0;
        }

        private static double distance(Intent intent, double fallback) {
            return intent == null || intent.distance() == null ? fallback : intent.distance();
        }

        private static double clamp(double value, double min, double max) {
            return Math.max(min, Math.min(max, value));
        }

        private static String percent(double ratio) {
            return Math.round(ratio * 100) + " %";
        }

        private static String units(double d) {
            return Math.round(d) + " units";
        }
    }
}
