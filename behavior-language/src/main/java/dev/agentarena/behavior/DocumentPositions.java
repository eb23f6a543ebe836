package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places diagnostics in the document text: an expression's line and column are inside the expression (a JSON
 * string, where {@code \n} or {@code \"} take two characters of the text), every other problem is placed at
 * the value its path names, or the nearest enclosing value that exists. JSON syntax errors already carry
 * document positions.
 */
public final class DocumentPositions {

    /** Codes whose line and column count inside an expression (see {@link ExpressionCompiler}). */
    private static final Set<DiagnosticCode> IN_EXPRESSION = EnumSet.of(DiagnosticCode.INVALID_CHARACTER, DiagnosticCode.SYNTAX_ERROR,
            DiagnosticCode.UNKNOWN_IDENTIFIER, DiagnosticCode.UNKNOWN_FUNCTION, DiagnosticCode.TYPE_ERROR, DiagnosticCode.UNSUPPORTED_VALUE,
            DiagnosticCode.WRONG_RESULT_TYPE, DiagnosticCode.EXPRESSION_TOO_DEEP);

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String text;
    /** Char offset of each value's first character (the quote of a string), by JSON pointer. */
    private final Map<String, Integer> starts = new HashMap<>();

    private DocumentPositions(String text) {
        this.text = text;
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    starts.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                            (int) parser.currentTokenLocation().getCharOffset());
                }
            }
        } catch (IOException e) {
            // Malformed JSON: the values read before the error keep their places, the error has its own.
        }
    }

    /** Each diagnostic of {@code json} with its place in that text. */
    public static List<LocatedDiagnostic> locate(String json, List<Diagnostic> diagnostics) {
        DocumentPositions positions = new DocumentPositions(json == null ? "" : json);
        return diagnostics.stream().map(positions::locate).toList();
    }

    private LocatedDiagnostic locate(Diagnostic diagnostic) {
        boolean inExpression = IN_EXPRESSION.contains(diagnostic.code());
        if (diagnostic.line() > 0 && !inExpression) {
            return new LocatedDiagnostic(diagnostic, diagnostic.line(), diagnostic.column());
        }
        Integer exact = starts.get(diagnostic.path());
        if (exact != null && inExpression && diagnostic.line() > 0 && text.charAt(exact) == '"') {
            return at(diagnostic, insideString(exact, diagnostic.line(), diagnostic.column()));
        }
        String path = diagnostic.path();
        while (!starts.containsKey(path) && !path.isEmpty()) {
            path = path.substring(0, path.lastIndexOf('/'));
        }
        Integer start = starts.get(path);
        return start == null ? new LocatedDiagnostic(diagnostic, 0, 0) : at(diagnostic, start);
    }

    /** The text offset of the character at 1-based (line, column) of the string value whose quote is at {@code quote}. */
    private int insideString(int quote, int line, int column) {
        int offset = quote + 1;
        int decodedLine = 1;
        int decodedColumn = 1;
        while (offset < text.length() && text.charAt(offset) != '"'
                && (decodedLine < line || decodedColumn < column)) {
            char c = text.charAt(offset);
            boolean newline = c == '\\' && offset + 1 < text.length() && text.charAt(offset + 1) == 'n';
            offset += c != '\\' ? 1 : escapeLength(offset);
            if (newline) {
                decodedLine++;
                decodedColumn = 1;
            } else {
                decodedColumn++;
            }
        }
        return offset;
    }

    private int escapeLength(int backslash) {
        return backslash + 1 < text.length() && text.charAt(backslash + 1) == 'u' ? 6 : 2;
    }

    private LocatedDiagnostic at(Diagnostic diagnostic, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new LocatedDiagnostic(diagnostic, line, offset - lineStart + 1);
    }
}
