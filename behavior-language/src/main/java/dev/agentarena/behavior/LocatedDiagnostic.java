package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
/**
 * A {@link Diagnostic} with where it sits in the document text the user edits, for an editor to mark it.
 *
 * @param documentLine   1-based line in the document text; 0 when the text could not be read at all
 * @param documentColumn 1-based column (in UTF-16 units, as editors count) on that line; 0 with documentLine 0
 */
public record LocatedDiagnostic(DiagnosticCode code, String path, int line, int column, String message,
                                int documentLine, int documentColumn) {

    LocatedDiagnostic(Diagnostic diagnostic, int documentLine, int documentColumn) {
        this(diagnostic.code(), diagnostic.path(), diagnostic.line(), diagnostic.column(), diagnostic.message(),
                documentLine, documentColumn);
    }
}
