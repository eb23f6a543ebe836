package dev.agentarena.behavior;

import java.util.regex.Pattern;

/** What names and free text in a behavior may contain; keeps homoglyph and invisible-character tricks out. */
final class TextRules {

    static final Pattern BEHAVIOR_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 _.()-]{0,62}[A-Za-z0-9_.()-])?");
    static final Pattern RULE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    private TextRules() {
    }

    /**
     * The first code point of {@code text} that is invisible or steers rendering (control characters other than
     * newline and tab, and format characters such as bidi overrides and zero-width joiners), or -1 if none.
     */
    static int firstHiddenCharacter(String text) {
        return text.codePoints()
                .filter(cp -> cp != '\n' && cp != '\t')
                .filter(cp -> Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT
                        || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.PRIVATE_USE
                        || Character.getType(cp) == Character.SURROGATE)
                .findFirst().orElse(-1);
    }

    static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format("U+%04X%s", codePoint, name == null ? "" : " (" + name + ")");
    }
}
