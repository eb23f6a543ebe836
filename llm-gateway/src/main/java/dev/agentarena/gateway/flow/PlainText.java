package dev.agentarena.gateway.flow;

/**
 * Makes any text shown to a player plain: markup tags are dropped (their content stays), any remaining angle
 * bracket, control or invisible character is removed, and the length is bounded. Clients still render it as
 * text; this makes sure an answer never even carries markup, whoever wrote it.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String of(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String plain = text.replaceAll("(?s)<[^<>]{0,500}>", " ")
                .replaceAll("[<>]", " ")
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]|\\p{Cf}", "")
                .replaceAll("[ \\t]{2,}", " ")
                .strip();
        return plain.length() <= maxLength ? plain : plain.substring(0, maxLength - 1).strip() + "…";
    }
}
