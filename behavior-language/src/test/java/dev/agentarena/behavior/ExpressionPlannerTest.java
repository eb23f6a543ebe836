package dev.agentarena.behavior;

import dev.agentarena.contracts.behavior.DiagnosticCode;
import dev.agentarena.contracts.behavior.Diagnostic;
import dev.cel.runtime.CelEvaluationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionPlannerTest {

    private static final List<String> PARAMS = List.of("a", "b");
    private static final List<PerceptionVariable> NUMBERS = PerceptionVariable.all().stream()
            .filter(v -> v.kind() == PerceptionVariable.Kind.NUMBER).toList();
    private static final List<PerceptionVariable> FLAGS = PerceptionVariable.all().stream()
            .filter(v -> v.kind() == PerceptionVariable.Kind.FLAG).toList();
    /** Literals around the edges of double arithmetic: zeros, halves (rounding), huge and tiny numbers. */
    private static final String[] LITERALS = {"0", "0.0", "1", "2.5", "-2.5", "0.5", "3", "1e300", "1e-300",
            "100", "0.49999999999999994", "9.3e18", "4503599627370497.0"};
    /** Perception values, the same edges plus negative zero. */
    private static final double[] VALUES = {0, -0.0, 1, 2.5, -2.5, 0.5, -0.5, 3, 1e300, -1e300, 1e-300, 100,
            1e6, 7.25, -3.5};

    private final ExpressionCompiler compiler = new ExpressionCompiler(PARAMS);

    @Test
    void plannedTermsComputeWhatCelJavaComputesOnRandomExpressions() throws CelEvaluationException {
        SplittableRandom random = new SplittableRandom(42);
        int compared = 0;
        int celFailures = 0;
        for (int i = 0; i < 3000; i++) {
            boolean flag = random.nextBoolean();
            String source = flag ? flag(random, 4) : number(random, 4);
            if (source.length() > BehaviorLimits.MAX_EXPRESSION_CHARS) {
                continue;
            }
            ExpressionCompiler.Compiled compiled = compile(source, flag);
            for (int j = 0; j < 8; j++) {
                Map<String, Double> params = Map.of("params.a", value(random), "params.b", value(random));
                FixedPerception perception = perception(random);
                Object planned = new ExpressionPlanner(params).plan(compiled.ast().getExpr());
                Object expected;
                try {
                    expected = CelOracle.eval(compiled.ast(), perception, params);
                } catch (CelEvaluationException e) {
                    // CEL-Java fails math.round beyond the 64-bit range, where the planner returns the number.
                    assertThat(e.getMessage()).as(source).contains("math_round_double");
                    celFailures++;
                    continue;
                }
                Object actual = planned instanceof NumberTerm number ? (Object) number.eval(perception)
                        : (Object) ((FlagTerm) planned).eval(perception);
                assertThat(same(actual, expected)).as("%s with %s and %s: planned %s, CEL %s", source, params,
                        perception, actual, expected).isTrue();
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20_000);
        assertThat(celFailures).isLessThan(compared / 10);
    }

    @Test
    void roundIsHalfAwayFromZeroAndKeepsNumbersBeyondTheLongRange() {
        assertThat(ExpressionPlanner.Functions.round(2.5)).isEqualTo(3.0);
        assertThat(ExpressionPlanner.Functions.round(-2.5)).isEqualTo(-3.0);
        assertThat(Double.doubleToLongBits(ExpressionPlanner.Functions.round(-0.4))).isEqualTo(Double.doubleToLongBits(0.0));
        assertThat(ExpressionPlanner.Functions.round(0.49999999999999994)).isEqualTo(0.0);
        assertThat(ExpressionPlanner.Functions.round(1e300)).isEqualTo(1e300);
        assertThat(ExpressionPlanner.Functions.round(-9.3e18)).isEqualTo(-9.3e18);
        assertThat(ExpressionPlanner.Functions.round(Double.NaN)).isNaN();
    }

    @Test
    void constantsAndParamsFoldAway() {
        Map<String, Double> params = Map.of("params.a", 0.25, "params.b", 4.0);
        Object weight = new ExpressionPlanner(params).plan(compile("math.least(params.a * params.b, 2) / 2", false).ast().getExpr());
        assertThat(weight).isEqualTo(new NumberTerm.Constant(0.5));
        Object condition = new ExpressionPlanner(params).plan(compile("params.a > 1.0 && self.health < 3.0", true).ast().getExpr());
        assertThat(condition).isEqualTo(new FlagTerm.Constant(false));
        Object kept = new ExpressionPlanner(params).plan(compile("params.a < 1.0 && self.health < 3.0", true).ast().getExpr());
        assertThat(kept).isNotInstanceOf(FlagTerm.Constant.class);
    }

    @Test
    void greatestOfManyNumbersIsANumber() {
        ExpressionPlanner planner = new ExpressionPlanner(Map.of("params.a", 7.0, "params.b", 0.0));
        NumberTerm greatest = (NumberTerm) planner.plan(compile("math.greatest(1, self.health, params.a)", false).ast().getExpr());
        FlagTerm least = (FlagTerm) planner.plan(compile("math.least(1, self.health, params.a, 2) > 0.5", true).ast().getExpr());
        FixedPerception healthy = FixedPerception.typical();
        FixedPerception weak = healthy.with(PerceptionVariable.SELF_HEALTH, 0.25);
        assertThat(greatest.eval(healthy)).isEqualTo(80.0);
        assertThat(greatest.eval(weak)).isEqualTo(7.0);
        assertThat(least.eval(healthy)).isTrue();
        assertThat(least.eval(weak)).isFalse();
    }

    @Test
    void stringsListsAndMapsAreReportedWhereTheyAre() {
        assertUnsupported("self.health > 1.0 && 'a' == 'a'", 22, "strings");
        assertUnsupported("[1.0, 2.0] == [1.0]", 1, "lists");
        assertUnsupported("{'a': 1.0}.a > 0.0", 11, "fields");
        assertUnsupported("{'a': 1.0} == {'a': 1.0}", 1, "maps");
        assertUnsupported("null == null", 1, "null");
        assertUnsupported("1u == 1u", 1, "unsigned");
        assertUnsupported("true == 1.0", 1, "compares");
    }

    private void assertUnsupported(String condition, int column, String words) {
        List<Diagnostic> out = new ArrayList<>();
        Optional<ExpressionCompiler.Compiled> compiled = compiler.compile(condition, ExpressionCompiler.ResultType.BOOL, "/c", out);
        assertThat(compiled).as(condition).isEmpty();
        assertThat(out).as(condition).singleElement().satisfies(d -> {
            assertThat(d.code()).isIn(DiagnosticCode.UNSUPPORTED_VALUE, DiagnosticCode.TYPE_ERROR);
            if (d.code() == DiagnosticCode.UNSUPPORTED_VALUE) {
                assertThat(d.column()).isEqualTo(column);
                assertThat(d.message()).contains(words);
            }
        });
    }

    private ExpressionCompiler.Compiled compile(String source, boolean flag) {
        List<Diagnostic> out = new ArrayList<>();
        Optional<ExpressionCompiler.Compiled> compiled = compiler.compile(source,
                flag ? ExpressionCompiler.ResultType.BOOL : ExpressionCompiler.ResultType.NUMBER, "/x", out);
        assertThat(out).as(source).isEmpty();
        return compiled.orElseThrow();
    }

    /** Same value: numbers bit for bit (so -0.0 and 0.0 differ; NaNs are alike), bools equal. */
    private static boolean same(Object actual, Object expected) {
        if (actual instanceof Double a && expected instanceof Double b) {
            return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
        }
        return actual.equals(expected);
    }

    private static String number(SplittableRandom random, int depth) {
        int choice = depth == 0 ? random.nextInt(3) : random.nextInt(11);
        return switch (choice) {
            case 0 -> LITERALS[random.nextInt(LITERALS.length)];
            case 1 -> NUMBERS.get(random.nextInt(NUMBERS.size())).celName();
            case 2 -> "params." + PARAMS.get(random.nextInt(PARAMS.size()));
            case 3 -> "-(" + number(random, depth - 1) + ")";
            case 4, 5 -> "(" + number(random, depth - 1) + " " + "+-*/".charAt(random.nextInt(4)) + " "
                    + number(random, depth - 1) + ")";
            case 6 -> "math." + List.of("abs", "sqrt", "floor", "ceil", "round", "sign").get(random.nextInt(6))
                    + "(" + number(random, depth - 1) + ")";
            case 7, 8 -> {
                List<String> args = new ArrayList<>();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    args.add(number(random, depth - 1));
                }
                yield "math." + (choice == 7 ? "greatest" : "least") + "(" + String.join(", ", args) + ")";
            }
            case 9 -> "(" + flag(random, depth - 1) + " ? " + number(random, depth - 1) + " : " + number(random, depth - 1) + ")";
            default -> NUMBERS.get(random.nextInt(NUMBERS.size())).celName();
        };
    }

    private static String flag(SplittableRandom random, int depth) {
        int choice = depth == 0 ? random.nextInt(2) : random.nextInt(8);
        return switch (choice) {
            case 0 -> random.nextBoolean() ? "true" : "false";
            case 1 -> FLAGS.get(random.nextInt(FLAGS.size())).celName();
            case 2 -> "!(" + flag(random, depth - 1) + ")";
            case 3 -> "(" + flag(random, depth - 1) + (random.nextBoolean() ? " && " : " || ") + flag(random, depth - 1) + ")";
            case 4, 5 -> "(" + number(random, depth - 1) + " " + List.of("<", "<=", ">", ">=", "==", "!=").get(random.nextInt(6))
                    + " " + number(random, depth - 1) + ")";
            case 6 -> "(" + flag(random, depth - 1) + (random.nextBoolean() ? " == " : " != ") + flag(random, depth - 1) + ")";
            default -> "(" + flag(random, depth - 1) + " ? " + flag(random, depth - 1) + " : " + flag(random, depth - 1) + ")";
        };
    }

    private static double value(SplittableRandom random) {
        return random.nextInt(3) == 0 ? random.nextDouble(-10, 10) : VALUES[random.nextInt(VALUES.length)];
    }

    private static FixedPerception perception(SplittableRandom random) {
        FixedPerception perception = FixedPerception.typical();
        for (PerceptionVariable variable : NUMBERS) {
            perception = perception.with(variable, value(random));
        }
        for (PerceptionVariable variable : FLAGS) {
            perception = perception.with(variable, random.nextBoolean());
        }
        return perception;
    }
}
