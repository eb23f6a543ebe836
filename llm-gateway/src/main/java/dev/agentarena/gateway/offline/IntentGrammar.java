package dev.agentarena.gateway.offline;

import dev.agentarena.gateway.offline.Intent.Kind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline composer's explicit grammar: the request is cut into clauses ("flee below 30 %, otherwise hunt
 * the weakest within 100 units"), each clause's cues give its intents and its numbers belong to them. A clause
 * with no cue of its own (e.g. "when you are hurt,") joins the next one.
 */
final class IntentGrammar {

    private static final String FLEE = "(flee|flees|fleeing|run away|runs away|running away|run off|run|runs|running|escape|escapes"
            + "|retreat|retreats|retreating|back off|backs off|get away|bail|disengage|withdraw|withdraws|fall back|falls back"
            + "|evade|evades|avoid enemies|avoid the enemy|avoid the enemies|avoid fights|avoid fighting|avoid combat|keep away|stay away"
            + "|get out|save yourself|save themselves|survive|run for it|scatter|turn tail)";
    private static final String NEGATION = "(dont|do not|never|no|not|stop|without)";
    private static final String ALLY = "(ally|allies|team|teammates|teammate|friends|friend|group|squad|buddies|mates|the others|its team|their team)";
    private static final String ENEMY_NOUN = "(enemy|enemies|foe|foes|opponent|opponents|target|targets|ones|one|unit|units|guy|guys|them|bots)";

    private static final Pattern NEVER_FLEE = Pattern.compile(" " + NEGATION + " (\\w+ )?" + FLEE + " | fight to the death | no retreat"
            + " | never give up | stand and fight | fight till the end | fight to the end | no running | never back down ");
    private static final Pattern FLEE_CUE = Pattern.compile(" " + FLEE + " ");
    private static final Pattern RETREAT_TO_ALLIES = Pattern.compile(" (retreat|retreats|fall back|falls back|run|runs|flee|flees|go back|head back|get back|back off|regroup|regroups|return|returns)"
            + " (\\w+ ){0,3}(to|towards|toward|with|near|behind) (\\w+ ){0,2}" + ALLY + " | regroup with ");
    private static final Pattern OUTNUMBERED = Pattern.compile(" outnumbered | more enemies than allies | more of them | too many enemies"
            + " | alone against | enemies outnumber | they outnumber | fewer allies ");
    private static final Pattern OUTNUMBERING = Pattern.compile(" (we |i |you |they dont |allies )?outnumber(s|ing)? (them|the enemy|enemies|the enemies|the other team|the foe|it)?"
            + "| more of us | more allies than enemies | numbers? advantage | numerical advantage | we have more | superior numbers"
            + " | numbers on our side | numbers are on our side | have the numbers | outnumbering ");
    private static final Pattern KITE = Pattern.compile(" kite | kites | kiting | keep (your |their |a |the |my |some |safe )?distance | stay at (a )?(range|distance)"
            + " | keep (at )?range | hit and run | ranged | arms length | maintain (a )?distance | keep them at | stay out of (their )?reach"
            + " | keep (enemies|the enemy|them) (\\w+ ){0,2}away | keep away (\\w+ ){0,4}(but|and) (shoot|hit|attack|strike) ");
    private static final Pattern MIDDLE = Pattern.compile(" (middle|center|centre|centre point|mid) ");
    private static final Pattern GUARD = Pattern.compile(" (guard|guards|guarding|defend|defends|defending|protect|protects|protecting|hold the|holds the"
            + "|camp|camps|camping|watch over|secure|control|occupy|stay in the|stay at the|stay near the|go to the|hold down) ");
    private static final Pattern PATROL = Pattern.compile(" (patrol|patrols|patrolling|circle|circles|circling|sentry|go around|walk around the base|make rounds|rounds) ");
    private static final Pattern WEAKEST = Pattern.compile(" (weakest|lowest health|lowest hp|least health|most (hurt|damaged|wounded|injured)"
            + "|finish off|finish them|pick off|picks off|picking off|(weak|wounded|injured|damaged|hurt|low health|dying|weakened|weaker) " + ENEMY_NOUN + ") ");
    private static final Pattern ATTACK = Pattern.compile(" (attack|attacks|attacking|fight|fights|fighting|hunt|hunts|hunting|chase|chases|chasing"
            + "|pursue|pursues|engage|engages|aggressive|aggressively|aggro|kill|kills|go after|goes after|rush|rushes|hit|strike|strikes"
            + "|target|focus|charge|charges|nearest|closest|assault|offensive|berserk|hostile|brawl|shoot|destroy|eliminate) ");
    private static final Pattern GROUP = Pattern.compile(" (together|grouped|group up|groups up|in a group|as a group|as a team|in formation|formation"
            + "|flock|flocking|swarm|stick close|stay close|keep close|cohesive|pack|dont split|do not split|never split|not split"
            + "|regroup|regroups|rejoin|blob|huddle|clump|close to (each other|allies|the team|teammates)) ");
    private static final Pattern WANDER = Pattern.compile(" (wander|wanders|wandering|roam|roams|roaming|explore|explores|exploring|scout|scouts|scouting"
            + "|look around|random|randomly|walk around|stroll|meander|search|searching|move around|drift) ");
    private static final Pattern HOLD = Pattern.compile(" (stand still|stay put|hold still|hold position|hold your ground|hold their ground|dont move|do not move"
            + "|stop moving|freeze|stand your ground|stand ground|stay still|stationary|stay where) ");
    private static final Pattern CAUTIOUS = Pattern.compile(" (cautious|cautiously|careful|carefully|defensive|defensively|play safe|safely|coward|cowardly) ");
    private static final Pattern SELF_WEAK = Pattern.compile(" ((low|little|half|quarter|third) (health|hp|life)|(health|hp|life) (\\w+ )?(is |gets |drops |falls |goes )?(low|below|under|less|lower|drops|falls)"
            + "|(hurt|wounded|injured|damaged|weak|dying|weakened|bleeding|critical|badly hurt|losing)(?! " + ENEMY_NOUN + " )) ");

    private static final Pattern PERCENT = Pattern.compile(" (\\d+(\\.\\d+)?) % ");
    private static final Pattern ABSOLUTE_HEALTH = Pattern.compile(" (\\d+(\\.\\d+)?) (hp|health|hit points|health points|life) "
            + "| (health|hp|life) (\\w+ ){0,2}(below|under|less than|lower than|drops below|falls below|goes below|is below|is under|at|of) (\\d+(\\.\\d+)?) (?!\\s*(%|units|u |px|pixels))");
    private static final Pattern DISTANCE = Pattern.compile(" (\\d+(\\.\\d+)?) (units?|u|px|pixels?|m|meters?|metres?|distance) "
            + "| (within|closer than|inside|range of|radius of|distance of|distance|range|radius|away|under) (\\d+(\\.\\d+)?)(?!\\d|\\.|\\s*(%|hp|health|hit))");
    private static final Pattern MARGIN = Pattern.compile(" by (\\d+) | (\\d+) (or more )?more | at least (\\d+) ");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;!?]|\\.(?!\\d)| and then | then | otherwise | else | but | also | and | plus ");

    /** Every word the patterns use, for typo correction. */
    static final Set<String> VOCABULARY = vocabulary(FLEE, ALLY, ENEMY_NOUN, NEVER_FLEE.pattern(), RETREAT_TO_ALLIES.pattern(),
            OUTNUMBERED.pattern(), OUTNUMBERING.pattern(), KITE.pattern(), MIDDLE.pattern(), GUARD.pattern(), PATROL.pattern(),
            WEAKEST.pattern(), ATTACK.pattern(), GROUP.pattern(), WANDER.pattern(), HOLD.pattern(), CAUTIOUS.pattern(),
            SELF_WEAK.pattern(), "map arena field world health units pixels percent enemy enemies below under within when weak");

    private IntentGrammar() {
    }

    /** The intents of {@code query}, in the order they were asked, one per kind; empty when nothing matched. */
    static List<Intent> parse(String query, double baseHealth) {
        Map<Kind, Intent> found = new LinkedHashMap<>();
        String pending = "";
        List<String> clauses = clauses(query);
        for (int i = 0; i < clauses.size(); i++) {
            String clause = pending + " " + RequestText.of(clauses.get(i), VOCABULARY).text() + " ";
            List<Intent> intents = clauseIntents(clause, baseHealth);
            if (intents.isEmpty() && i < clauses.size() - 1) {
                pending = clause;
                continue;
            }
            pending = "";
            intents.forEach(intent -> found.putIfAbsent(intent.kind(), intent));
        }
        if (found.containsKey(Kind.NEVER_FLEE)) {
            EnumSet.of(Kind.FLEE_WHEN_WEAK, Kind.FLEE_WHEN_OUTNUMBERED, Kind.FLEE_ALWAYS, Kind.RETREAT_TO_ALLIES).forEach(found::remove);
        }
        return List.copyOf(found.values());
    }

    private static List<String> clauses(String query) {
        List<String> clauses = new ArrayList<>();
        String joined = (" " + query.toLowerCase() + " ").replace("hit and run", "kite").replace("stand and fight", "fight to the death");
        for (String part : CLAUSE_BREAK.split(joined)) {
            if (!part.isBlank()) {
                clauses.add(part);
            }
        }
        return clauses;
    }

    private static List<Intent> clauseIntents(String text, double baseHealth) {
        List<Intent> intents = new ArrayList<>();
        Double health = health(text, baseHealth);
        Double distance = number(DISTANCE, text);
        boolean weak = health != null || SELF_WEAK.matcher(text).find();
        if (NEVER_FLEE.matcher(text).find()) {
            intents.add(Intent.of(Kind.NEVER_FLEE));
            text = NEVER_FLEE.matcher(text).replaceAll(" ");
        }
        boolean kite = KITE.matcher(text).find();
        if (kite) {
            intents.add(new Intent(Kind.KITE, null, distance, null));
        } else if (RETREAT_TO_ALLIES.matcher(text).find()) {
            intents.add(new Intent(Kind.RETREAT_TO_ALLIES, health, null, null));
        } else if (FLEE_CUE.matcher(text).find()) {
            if (OUTNUMBERED.matcher(text).find()) {
                intents.add(Intent.of(Kind.FLEE_WHEN_OUTNUMBERED));
            }
            if (weak) {
                intents.add(new Intent(Kind.FLEE_WHEN_WEAK, health, null, null));
            } else if (!OUTNUMBERED.matcher(text).find()) {
                intents.add(Intent.of(Kind.FLEE_ALWAYS));
            }
        } else if (CAUTIOUS.matcher(text).find()) {
            intents.add(new Intent(Kind.FLEE_WHEN_WEAK, health == null ? 0.5 : health, null, null));
        }
        if (OUTNUMBERING.matcher(text).find() && !OUTNUMBERED.matcher(text).find()) {
            intents.add(new Intent(Kind.CHARGE_WHEN_OUTNUMBERING, null, null, number(MARGIN, text)));
        }
        if (GUARD.matcher(text).find() || MIDDLE.matcher(text).find()) {
            intents.add(new Intent(MIDDLE.matcher(text).find() ? Kind.GUARD_MIDDLE : Kind.GUARD_HOME, null, distance, null));
        } else if (PATROL.matcher(text).find()) {
            intents.add(new Intent(Kind.PATROL, null, distance, null));
        }
        boolean charge = intents.stream().anyMatch(intent -> intent.kind() == Kind.CHARGE_WHEN_OUTNUMBERING);
        if (WEAKEST.matcher(text).find()) {
            intents.add(new Intent(Kind.FOCUS_WEAKEST, null, kite ? null : distance, null));
        } else if (ATTACK.matcher(text).find() && !charge && !kite) {
            intents.add(new Intent(Kind.ATTACK_NEAREST, null, distance, null));
        }
        if (GROUP.matcher(text).find()) {
            intents.add(Intent.of(Kind.STAY_GROUPED));
        }
        if (WANDER.matcher(text).find()) {
            intents.add(Intent.of(Kind.WANDER));
        }
        if (HOLD.matcher(text).find()) {
            intents.add(Intent.of(Kind.HOLD));
        }
        return intents;
    }

    /** A health threshold as a ratio: "40 %", "40 hp" (of {@code baseHealth}), "0.4", "half", "a quarter". */
    private static Double health(String text, double baseHealth) {
        Double percent = number(PERCENT, text);
        if (percent != null) {
            return Math.min(percent / 100, 1.0);
        }
        Double absolute = number(ABSOLUTE_HEALTH, text);
        if (absolute != null) {
            return Math.min(absolute <= 1 ? absolute : absolute / baseHealth, 1.0);
        }
        if (text.contains(" half ")) {
            return 0.5;
        }
        if (text.contains(" quarter ")) {
            return 0.25;
        }
        if (text.contains(" third ")) {
            return 0.33;
        }
        return null;
    }

    /** The first number any group of {@code pattern} captured. */
    private static Double number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            String group = m.group(g);
            if (group != null && group.matches("\\d+(\\.\\d+)?")) {
                return Double.parseDouble(group);
            }
        }
        return null;
    }

    private static Set<String> vocabulary(String... patterns) {
        Set<String> words = new TreeSet<>();
        for (String pattern : patterns) {
            for (String word : pattern.split("[^a-z]+")) {
                if (word.length() >= 4) {
                    words.add(word);
                }
            }
        }
        return Set.copyOf(words);
    }
}
