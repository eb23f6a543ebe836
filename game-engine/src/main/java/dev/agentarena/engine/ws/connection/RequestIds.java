package dev.agentarena.engine.ws.connection;

/**
 * Finds the {@code requestId} of a frame the engine refuses before parsing it (too large, over the rate limit,
 * not valid JSON), so that the client can tell which request the error answers. One pass over the top level of
 * the frame, with no allocation but the answer: nested values are skipped by counting brackets, never parsed.
 */
public final class RequestIds {

    /** The longest requestId the protocol accepts (as {@code ClientRequest} checks for parsed frames). */
    public static final int MAX_LENGTH = 64;

    private static final String KEY = "requestId";

    private RequestIds() {
    }

    /**
     * The value of the top-level {@code "requestId"} member of {@code frame} when it is a plain JSON string (no
     * escapes) of at most {@value #MAX_LENGTH} characters; null otherwise, or when the frame is no JSON object.
     */
    public static String scan(CharSequence frame) {
        int length = frame.length();
        int i = skipWhitespace(frame, 0);
        if (i >= length || frame.charAt(i) != '{') {
            return null;
        }
        int depth = 1;
        boolean expectKey = true;
        i++;
        while (i < length) {
            char c = frame.charAt(i);
            if (c == '"') {
                int end = stringEnd(frame, i);
                if (end < 0) {
                    return null;
                }
                if (depth == 1 && expectKey) {
                    expectKey = false;
                    if (isKey(frame, i + 1, end)) {
                        return stringValueAfterColon(frame, end + 1);
                    }
                }
                i = end + 1;
                continue;
            }
            switch (c) {
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    if (depth == 0) {
                        return null;
                    }
                }
                case ',' -> expectKey = depth == 1;
                default -> { }
            }
            i++;
        }
        return null;
    }

    /** The index of the quote closing the string that opens at {@code open}, or -1 if it never closes. */
    private static int stringEnd(CharSequence frame, int open) {
        for (int i = open + 1; i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKey(CharSequence frame, int from, int to) {
        if (to - from != KEY.length()) {
            return false;
        }
        for (int i = 0; i < KEY.length(); i++) {
            if (frame.charAt(from + i) != KEY.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String stringValueAfterColon(CharSequence frame, int from) {
        int i = skipWhitespace(frame, from);
        if (i >= frame.length() || frame.charAt(i) != ':') {
            return null;
        }
        i = skipWhitespace(frame, i + 1);
        if (i >= frame.length() || frame.charAt(i) != '"') {
            return null;
        }
        int start = i + 1;
        for (int j = start; j < frame.length() && j - start <= MAX_LENGTH; j++) {
            char c = frame.charAt(j);
            if (c == '"') {
                return frame.subSequence(start, j).toString();
            }
            if (c == '\\' || c < 0x20) {
                return null;
            }
        }
        return null;
    }

    private static int skipWhitespace(CharSequence frame, int from) {
        int i = from;
        while (i < frame.length() && (frame.charAt(i) == ' ' || frame.charAt(i) == '\t' || frame.charAt(i) == '\n'
                || frame.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
