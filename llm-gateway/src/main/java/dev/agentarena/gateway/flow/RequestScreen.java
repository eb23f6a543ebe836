package dev.agentarena.gateway.flow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises requests the copilot declines before any model sees them: code or scripts, network or file
 * access, other users' data or secrets, and attempts to override its rules. Whatever slips through is still
 * harmless: only a validated behavior document can come out, and every text is made plain.
 */
public final class RequestScreen {

    private record Refusal(Pattern pattern, String reason) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal(Pattern.compile("ignore (all |any |the |your |previous |prior |above )+(rules|instructions|prompts?)"
                    + "|disregard (the |your |all )?(rules|instructions)|system prompt|you are now|developer mode|jailbreak"
                    + "|pretend (to be|you are)|act as (an? )?(admin|root|system)|new instructions|override (the |your )?(rules|instructions)"),
                    "I can't change my rules; I only write behaviors in the arena's behavior language."),
            new Refusal(Pattern.compile("<\\s*script|javascript:|\\beval\\s*\\(|\\bexec\\s*\\(|\\bshell\\b|\\bbash\\b|rm -rf|\\bsql\\b|drop table"
                    + "|\\b(python|java|javascript|js|c\\+\\+|rust) (code|script|program)|write (me )?(a |some )?(code|script|program|html|function)"
                    + "|run (this |the |my |some )?(code|script|command)|execute (this |the |my |a |some )?(code|script|command)"),
                    "Behaviors can't contain code or scripts; I can only write behavior documents (rules over what an agent perceives)."),
            new Refusal(Pattern.compile("https?://|\\bcurl\\b|\\bwget\\b|download|upload|http request|call (an |the |a )?(api|url|server|website)"
                    + "|send (an? )?(email|request|message to)|open (a |the )?(file|socket|url)|read (the |a )?file|access the (internet|network|file)"),
                    "Behaviors have no network or file access; they only see the agent's own perception."),
            new Refusal(Pattern.compile("other (users?|players?)('s|')? (data|behaviors?|passwords?|accounts?|settings|configs?|keys?)|another (user|player)'?s?"
                    + " (data|behaviors?|password|account|settings|config)|password|api key|secret|credentials?|access token|\\bdatabase\\b|mongodb|kafka"),
                    "I can't reveal or reach other users' data, secrets or the game's services; I only write behaviors for your agents."));

    private RequestScreen() {
    }

    /** Why {@code query} is declined, or empty when it may go on. */
    public static Optional<String> refusal(String query) {
        String text = query.toLowerCase(Locale.ROOT);
        return REFUSALS.stream().filter(refusal -> refusal.pattern().matcher(text).find()).map(Refusal::reason).findFirst();
    }
}
