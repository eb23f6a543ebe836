package dev.agentarena.gateway.offline;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request as the intent grammar reads it: lower case, ASCII, apostrophes dropped ("don't" → "dont"), other
 * punctuation as spaces except the percent sign and decimal points, number words as digits, and each word
 * that is one or two typos away from a word of the grammar's vocabulary replaced by that word.
 */
final class RequestText {

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("five", "5"), Map.entry("ten", "10"), Map.entry("fifteen", "15"), Map.entry("twenty", "20"),
            Map.entry("twentyfive", "25"), Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fourty", "40"),
            Map.entry("fifty", "50"), Map.entry("sixty", "60"), Map.entry("seventy", "70"), Map.entry("eighty", "80"),
            Map.entry("ninety", "90"), Map.entry("hundred", "100"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"));

    /** Everyday words a typo away from a grammar word ("make" / "take", "like" / "life"): never corrected. */
    private static final Set<String> COMMON = Set.of("like", "make", "makes", "want", "take", "then", "when", "they", "have",
            "with", "some", "more", "what", "that", "this", "your", "from", "them", "were", "will", "would", "could", "should",
            "into", "over", "just", "only", "also", "very", "much", "many", "most", "less", "keep", "each", "such", "once",
            "free", "right", "might", "light", "both", "come", "here", "there", "where", "well", "good", "team", "these", "those");

    private final String normalized;

    private RequestText(String normalized) {
        this.normalized = normalized;
    }

    static RequestText of(String query, Set<String> vocabulary) {
        String ascii = Normalizer.normalize(query, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        ascii = ascii.replace("'", "").replace("\u2019", "").replace("per cent", "%").replace("percent", "%")
                .replaceAll("(\\d)\\s*%", "$1 %").replaceAll("[^a-z0-9%.\\s]", " ").replaceAll("(?<!\\d)\\.|\\.(?!\\d)", " ");
        List<String> words = new ArrayList<>();
        for (String word : ascii.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            words.add(NUMBER_WORDS.getOrDefault(word, corrected(word, vocabulary)));
        }
        return new RequestText(" " + String.join(" ", words) + " ");
    }

    /** The normalized text with a space at both ends, so patterns can match whole words with spaces. */
    String text() {
        return normalized;
    }

    private static String corrected(String word, Set<String> vocabulary) {
        if (word.length() < 4 || vocabulary.contains(word) || COMMON.contains(word) || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        int allowed = word.length() >= 8 ? 2 : 1;
        String best = word;
        int bestDistance = allowed + 1;
        for (String candidate : vocabulary) {
            if (Math.abs(candidate.length() - word.length()) > allowed || candidate.length() < 4) {
                continue;
            }
            int distance = distance(word, candidate, allowed);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (edits and adjacent swaps), giving up above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
