package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a bound document's shape, names, counts and params; expressions are left to the compiler. */
final class StructureValidator {

    /** CEL reserved words cannot be param names: {@code params.in} would not parse. */
    private static final Set<String> CEL_RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
            "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return",
            "var", "void", "while");

    private final List<Diagnostic> problems = new ArrayList<>();

    private StructureValidator() {
    }

    static List<Diagnostic> check(BehaviorDocument document) {
        StructureValidator validator = new StructureValidator();
        validator.document(document);
        return validator.problems;
    }

    private void document(BehaviorDocument document) {
        name("/name", document.name(), TextRules.BEHAVIOR_NAME, BehaviorLimits.MAX_NAME_CHARS,
                "letters, digits, spaces and _ . ( ) -, starting with a letter or digit");
        if (document.description() != null) {
            text("/description", document.description(), BehaviorLimits.MAX_DESCRIPTION_CHARS);
        }
        params(document.paramsOrEmpty());
        rules(document.rules());
    }

    private void params(Map<String, ParamSpec> params) {
        if (params.size() > BehaviorLimits.MAX_PARAMS) {
            add(DiagnosticCode.TOO_MANY_PARAMS, "/params", params.size() + " params; at most " + BehaviorLimits.MAX_PARAMS);
            return;
        }
        for (Map.Entry<String, ParamSpec> entry : params.entrySet()) {
            String path = JsonPointer.child("/params", entry.getKey());
            if (!TextRules.PARAM_NAME.matcher(entry.getKey()).matches() || CEL_RESERVED.contains(entry.getKey())) {
                add(DiagnosticCode.INVALID_NAME, path, "param name '" + printable(entry.getKey())
                        + "' must be an identifier (a letter, then letters, digits or _; at most 32) and not a CEL reserved word");
            }
            param(path, entry.getValue());
        }
    }

    private void param(String path, ParamSpec spec) {
        if (spec == null) {
            add(DiagnosticCode.WRONG_TYPE, path, "a param is an object {\"default\", \"min\", \"max\", \"description\"}");
            return;
        }
        boolean complete = number(path + "/default", spec.defaultValue()) & number(path + "/min", spec.min())
                & number(path + "/max", spec.max());
        if (spec.description() != null) {
            text(path + "/description", spec.description(), BehaviorLimits.MAX_DESCRIPTION_CHARS);
        }
        if (!complete) {
            return;
        }
        if (spec.min() > spec.max()) {
            add(DiagnosticCode.INVALID_PARAM, path + "/min", "min " + spec.min() + " is greater than max " + spec.max());
        } else if (spec.defaultValue() < spec.min() || spec.defaultValue() > spec.max()) {
            add(DiagnosticCode.INVALID_PARAM, path + "/default", "default " + spec.defaultValue() + " is outside [" + spec.min()
                    + ", " + spec.max() + "]");
        }
    }

    private boolean number(String path, Double value) {
        if (value == null) {
            add(DiagnosticCode.MISSING_FIELD, path, "required number");
            return false;
        }
        if (!Double.isFinite(value) || Math.abs(value) > BehaviorLimits.MAX_PARAM_MAGNITUDE) {
            add(DiagnosticCode.INVALID_PARAM, path, value + " is not a finite number within +-" + BehaviorLimits.MAX_PARAM_MAGNITUDE);
            return false;
        }
        return true;
    }

    private void rules(List<Rule> rules) {
        if (rules == null || rules.isEmpty()) {
            add(DiagnosticCode.NO_RULES, "/rules", "a behavior needs at least one rule");
            return;
        }
        if (rules.size() > BehaviorLimits.MAX_RULES) {
            add(DiagnosticCode.TOO_MANY_RULES, "/rules", rules.size() + " rules; at most " + BehaviorLimits.MAX_RULES);
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String path = JsonPointer.child("/rules", i);
            Rule rule = rules.get(i);
            if (rule == null) {
                add(DiagnosticCode.WRONG_TYPE, path, "a rule is an object {\"name\", \"condition\", \"steer\"}");
                continue;
            }
            if (name(path + "/name", rule.name(), TextRules.RULE_NAME, 40, "a letter, then letters, digits, _ or -")
                    && !names.add(rule.name())) {
                add(DiagnosticCode.DUPLICATE_NAME, path + "/name", "another rule is already named '" + rule.name() + "'");
            }
            if (rule.condition() == null) {
                add(DiagnosticCode.MISSING_FIELD, path + "/condition", "required CEL expression of type bool (use \"true\" for a rule that always applies)");
            }
            steer(path + "/steer", rule.steer());
        }
    }

    private void steer(String path, List<SteerEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            add(DiagnosticCode.NO_STEER_ENTRIES, path, "a rule needs at least one steer entry (use {\"primitive\": \"hold\"} to stand still)");
            return;
        }
        if (entries.size() > BehaviorLimits.MAX_STEER_ENTRIES) {
            add(DiagnosticCode.TOO_MANY_STEER_ENTRIES, path, entries.size() + " steer entries; at most " + BehaviorLimits.MAX_STEER_ENTRIES);
            return;
        }
        Target sharedTarget = null;
        java.util.EnumSet<Primitive> seen = java.util.EnumSet.noneOf(Primitive.class);
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = JsonPointer.child(path, i);
            SteerEntry entry = entries.get(i);
            if (entry != null && entry.primitive() != null && !seen.add(entry.primitive())) {
                add(DiagnosticCode.DUPLICATE_PRIMITIVE, entryPath + "/primitive", "'" + entry.primitive().id()
                        + "' appears twice in this rule; give it one entry with the summed weight");
            }
            if (entry != null && entry.target() != null) {
                if (sharedTarget != null && sharedTarget != entry.target()) {
                    add(DiagnosticCode.MIXED_TARGETS, entryPath + "/target", "a rule steers relative to one target; this rule already uses '"
                            + sharedTarget.id() + "'");
                }
                sharedTarget = sharedTarget == null ? entry.target() : sharedTarget;
            }
            if (entry == null) {
                add(DiagnosticCode.WRONG_TYPE, entryPath, "a steer entry is an object {\"primitive\", \"target\", \"weight\"}");
            } else if (entry.primitive() == null) {
                add(DiagnosticCode.MISSING_FIELD, entryPath + "/primitive", "required, one of " + Primitive.ids());
            } else {
                target(entryPath, entry);
            }
        }
    }

    private void target(String path, SteerEntry entry) {
        Primitive primitive = entry.primitive();
        if (primitive.targetUse() == Primitive.TargetUse.REQUIRED && entry.target() == null) {
            add(DiagnosticCode.TARGET_REQUIRED, path + "/target", "'" + primitive.id() + "' needs a target, one of "
                    + (primitive == Primitive.ATTACK ? "nearestEnemy, weakestEnemy" : Target.ids()));
        } else if (primitive.targetUse() == Primitive.TargetUse.NONE && entry.target() != null) {
            add(DiagnosticCode.TARGET_NOT_ALLOWED, path + "/target", "'" + primitive.id() + "' takes no target");
        } else if (primitive == Primitive.ATTACK && !entry.target().isEnemyAgent()) {
            add(DiagnosticCode.INVALID_VALUE, path + "/target", "'attack' needs an enemy agent: nearestEnemy or weakestEnemy");
        }
    }

    private boolean name(String path, String value, Pattern pattern, int max, String rule) {
        if (value == null) {
            add(DiagnosticCode.MISSING_FIELD, path, "required name: " + rule);
            return false;
        }
        if (value.length() > max) {
            add(DiagnosticCode.TEXT_TOO_LONG, path, value.length() + " characters; at most " + max);
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            add(DiagnosticCode.INVALID_NAME, path, "'" + printable(value) + "' is not a valid name: " + rule);
            return false;
        }
        return true;
    }

    private void text(String path, String value, int max) {
        if (value.length() > max) {
            add(DiagnosticCode.TEXT_TOO_LONG, path, value.length() + " characters; at most " + max);
            return;
        }
        int hidden = TextRules.firstHiddenCharacter(value);
        if (hidden >= 0) {
            add(DiagnosticCode.INVALID_TEXT, path, "contains the invisible or control character " + TextRules.describe(hidden));
        }
    }

    /** Names are echoed back in messages: keep that echo short and free of hidden characters. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(40).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u{%X}", cp));
            }
        });
        return value.codePointCount(0, value.length()) > 40 ? out + "..." : out.toString();
    }

    private void add(DiagnosticCode code, String path, String message) {
        problems.add(Diagnostic.at(code, path, message));
    }
}
