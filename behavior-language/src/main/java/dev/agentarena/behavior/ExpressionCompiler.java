package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelMutableAst;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.navigation.CelNavigableMutableAst;
import dev.cel.compiler.CelCompiler;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compiles one CEL expression of a behavior: limits first (length, characters), then parse, integer
 * literals read as doubles (so {@code self.health < 30} and {@code x * 2} work as written), depth and cost
 * limits, type check, and the expected result type. Every failure becomes a {@link Diagnostic} at the
 * expression's path with a 1-based line and column inside the expression.
 */
final class ExpressionCompiler {

    enum ResultType {
        BOOL(FlagTerm.class, "bool", "bool (true or false)"),
        NUMBER(NumberTerm.class, "double", "a number (double)");

        final Class<?> termType;
        final String name;
        final String text;

        ResultType(Class<?> termType, String name, String text) {
            this.termType = termType;
            this.name = name;
            this.text = text;
        }

        static ResultType of(Object term) {
            return term instanceof FlagTerm ? BOOL : NUMBER;
        }
    }

    /** A checked expression of the language, ready to plan ({@link ExpressionPlanner}). */
    record Compiled(CelAbstractSyntaxTree ast, ExpressionCost cost) {
    }

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']*)'");

    private final CelCompiler compiler;
    /** Plans with every param at 0: only to find what the language does not support and the result type. */
    private final ExpressionPlanner probe;

    ExpressionCompiler(Collection<String> paramNames) {
        this.compiler = CelEnvironment.compilerFor(paramNames);
        this.probe = new ExpressionPlanner(paramNames.stream()
                .collect(Collectors.toMap(name -> CelEnvironment.PARAMS_PREFIX + name, name -> 0.0)));
    }

    /** The compiled expression, or empty after adding its diagnostics to {@code out}. */
    Optional<Compiled> compile(String source, ResultType expected, String path, List<Diagnostic> out) {
        if (source.isBlank()) {
            out.add(Diagnostic.at(DiagnosticCode.EMPTY_EXPRESSION, path, "the expression is empty; expected " + expected.text));
            return Optional.empty();
        }
        int length = source.codePointCount(0, source.length());
        if (length > BehaviorLimits.MAX_EXPRESSION_CHARS) {
            out.add(Diagnostic.at(DiagnosticCode.EXPRESSION_TOO_LONG, path, "the expression has " + length
                    + " characters; at most " + BehaviorLimits.MAX_EXPRESSION_CHARS));
            return Optional.empty();
        }
        if (!checkCharacters(source, path, out)) {
            return Optional.empty();
        }
        CelValidationResult parsed = compiler.parse(source, path);
        if (parsed.hasError()) {
            addIssues(parsed, null, path, out, true);
            return Optional.empty();
        }
        CelAbstractSyntaxTree ast = readIntegersAsDoubles(result(parsed));
        ExpressionCost cost = ExpressionCost.of(ast);
        if (cost.depth() > BehaviorLimits.MAX_EXPRESSION_DEPTH) {
            out.add(Diagnostic.at(DiagnosticCode.EXPRESSION_TOO_DEEP, path, "the expression nests " + cost.depth()
                    + " levels deep; at most " + BehaviorLimits.MAX_EXPRESSION_DEPTH));
            return Optional.empty();
        }
        if (cost.cost() > BehaviorLimits.MAX_EXPRESSION_COST) {
            out.add(Diagnostic.at(DiagnosticCode.EXPRESSION_TOO_COSTLY, path, "the expression's estimated cost is "
                    + cost.cost() + " (one per syntax node); at most " + BehaviorLimits.MAX_EXPRESSION_COST));
            return Optional.empty();
        }
        CelValidationResult checked = compiler.check(ast);
        if (checked.hasError()) {
            addIssues(checked, ast, path, out, false);
            return Optional.empty();
        }
        CelAbstractSyntaxTree typed = result(checked);
        Object term;
        try {
            term = probe.plan(typed.getExpr());
        } catch (ExpressionPlanner.Unsupported e) {
            out.add(at(DiagnosticCode.UNSUPPORTED_VALUE, typed, e.exprId(), path, e.getMessage()));
            return Optional.empty();
        }
        if (!expected.termType.isInstance(term)) {
            out.add(new Diagnostic(DiagnosticCode.WRONG_RESULT_TYPE, path, 1, 1, "the expression has type "
                    + ResultType.of(term).name + " but must be " + expected.text));
            return Optional.empty();
        }
        return Optional.of(new Compiled(typed, cost));
    }

    /** A diagnostic at the position of one syntax node (1-based line and column). */
    private static Diagnostic at(DiagnosticCode code, CelAbstractSyntaxTree ast, long exprId, String path, String message) {
        CelSource source = ast.getSource();
        Optional<CelSourceLocation> location = Optional.ofNullable(source.getPositionsMap().get(exprId))
                .flatMap(source::getOffsetLocation);
        return new Diagnostic(code, path, location.map(l -> Math.max(l.getLine(), 1)).orElse(1),
                location.map(l -> Math.max(l.getColumn(), 0) + 1).orElse(1), message);
    }

    /** Expressions are ASCII: no homoglyphs, bidi overrides or invisible characters can hide what runs. */
    private static boolean checkCharacters(String source, String path, List<Diagnostic> out) {
        int line = 1;
        int column = 0;
        for (int i = 0; i < source.length(); ) {
            int cp = source.codePointAt(i);
            column++;
            boolean allowed = cp == '\n' || cp == '\t' || cp == '\r' || (cp >= 0x20 && cp < 0x7f);
            if (!allowed) {
                out.add(new Diagnostic(DiagnosticCode.INVALID_CHARACTER, path, line, column, "expressions may only contain printable ASCII; found "
                        + TextRules.describe(cp)));
                return false;
            }
            if (cp == '\n') {
                line++;
                column = 0;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static CelAbstractSyntaxTree readIntegersAsDoubles(CelAbstractSyntaxTree parsed) {
        CelMutableAst mutable = CelMutableAst.fromCelAst(parsed);
        CelNavigableMutableAst.fromAst(mutable).getRoot().allNodes()
                .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && node.expr().constant().getKind() == CelConstant.Kind.INT64_VALUE)
                .forEach(node -> node.expr().setConstant(CelConstant.ofValue((double) node.expr().constant().int64Value())));
        // The mutable AST drops the source positions; the ids are unchanged, so the original source still maps them.
        return CelAbstractSyntaxTree.newParsedAst(mutable.toParsedAst().getExpr(), parsed.getSource());
    }

    private static void addIssues(CelValidationResult result, CelAbstractSyntaxTree ast, String path,
                                  List<Diagnostic> out, boolean parsing) {
        for (CelIssue issue : result.getErrors()) {
            int line = Math.max(issue.getSourceLocation().getLine(), 1);
            int column = Math.max(issue.getSourceLocation().getColumn(), 0) + 1;
            out.add(new Diagnostic(classify(issue, ast, parsing), path, line, column, explain(issue.getMessage())));
        }
    }

    private static DiagnosticCode classify(CelIssue issue, CelAbstractSyntaxTree ast, boolean parsing) {
        String message = issue.getMessage();
        if (parsing) {
            return message.contains("recursion") ? DiagnosticCode.EXPRESSION_TOO_DEEP : DiagnosticCode.SYNTAX_ERROR;
        }
        if (UNDECLARED.matcher(message).find()) {
            return isCall(ast, issue.getExprId()) ? DiagnosticCode.UNKNOWN_FUNCTION : DiagnosticCode.UNKNOWN_IDENTIFIER;
        }
        return DiagnosticCode.TYPE_ERROR;
    }

    private static boolean isCall(CelAbstractSyntaxTree ast, long exprId) {
        return ast != null && CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .filter(node -> node.id() == exprId)
                .map(CelNavigableExpr::getKind)
                .anyMatch(kind -> kind == CelExpr.ExprKind.Kind.CALL);
    }

    /** CEL's messages, made actionable for a behavior author. */
    private static String explain(String message) {
        String text = message.replace(" (in container '')", "");
        Matcher undeclared = UNDECLARED.matcher(text);
        if (undeclared.find()) {
            String name = undeclared.group(1);
            String known = PerceptionVariable.namesUnder(name);
            if (!known.isEmpty()) {
                return "unknown field of '" + name + "'; it has: " + known;
            }
            if (name.equals("params")) {
                return "unknown param; declare it under \"params\" first";
            }
            return "unknown name '" + name + "'; see docs/behaviors.md for the perception variables and functions";
        }
        int candidates = text.indexOf(" (candidates:");
        if (candidates > 0) {
            text = text.substring(0, candidates);
        }
        return text;
    }

    private static CelAbstractSyntaxTree result(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (dev.cel.common.CelValidationException e) {
            throw new IllegalStateException("CEL rejected an expression it had accepted: " + e.getMessage(), e);
        }
    }
}
