package dev.agentarena.simulation.scenario;

import java.util.Locale;

/**
 * Judges one {@link Expectation} over a run: it sees the world after every tick (and once before the first),
 * every strike and death, and gives its {@link Verdict} at the end.
 */
abstract class ExpectationCheck {

    /** The check of {@code expectation}. */
    static ExpectationCheck of(Expectation expectation, ScenarioRun run) {
        if (expectation instanceof Expectation.DistanceChange e) {
            return new DistanceChange(e, run);
        } else if (expectation instanceof Expectation.StaysWithin e) {
            return new StaysWithin(e, run);
        } else if (expectation instanceof Expectation.ReachesState e) {
            return new Reaches(e.agent(), "state", e.state(), e.byTick(), run);
        } else if (expectation instanceof Expectation.ReachesRule e) {
            return new Reaches(e.agent(), "rule", e.rule(), e.byTick(), run);
        } else if (expectation instanceof Expectation.Attacks e) {
            return new Attacks(e, run);
        } else if (expectation instanceof Expectation.HealthAtLeast e) {
            return new HealthAtLeast(e, run);
        } else if (expectation instanceof Expectation.TeamKills e) {
            return new TeamKills(e, run);
        }
        return new InBounds(run);
    }

    final ScenarioRun run;

    ExpectationCheck(ScenarioRun run) {
        this.run = run;
    }

    /** The world at world tick {@code tick} (0: as placed). */
    void observe(long tick) {
    }

    void struck(long tick, int attacker, int victim) {
    }

    void killed(long tick, int victim, int killer) {
    }

    abstract Verdict verdict(int index);

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static final class DistanceChange extends ExpectationCheck {
        private final Expectation.DistanceChange e;
        private final int a;
        private final int b;
        private double start = Double.NaN;
        private double end = Double.NaN;

        DistanceChange(Expectation.DistanceChange e, ScenarioRun run) {
            super(run);
            this.e = e;
            a = run.slot(e.a());
            b = run.slot(e.b());
        }

        @Override
        void observe(long tick) {
            if (run.sim.alive(a) && run.sim.alive(b)) {
                end = run.distance(a, b);
                if (Double.isNaN(start)) {
                    start = end;
                }
            }
        }

        @Override
        Verdict verdict(int index) {
            String verb = e.grows() ? "grow" : "shrink";
            if (Double.isNaN(start)) {
                return new Verdict(index, "distance", false, -1, e.a() + " and " + e.b() + " were never both alive");
            }
            double change = e.grows() ? end - start : start - end;
            return new Verdict(index, "distance", change >= e.by(), change, "distance " + e.a() + "-" + e.b()
                    + " should " + verb + " by at least " + format(e.by()) + ": from " + format(start) + " to "
                    + format(end) + " (" + format(change) + ")");
        }
    }

    private static final class StaysWithin extends ExpectationCheck {
        private final Expectation.StaysWithin e;
        private final int agent;
        private final int other;
        private final Expectation.Place.Fixed fixed;
        private double farthest = -1;
        private long farthestAt = -1;

        StaysWithin(Expectation.StaysWithin e, ScenarioRun run) {
            super(run);
            this.e = e;
            agent = run.slot(e.agent());
            other = e.place() instanceof Expectation.Place.Agent p ? run.slot(p.name()) : -1;
            fixed = e.place() instanceof Expectation.Place.Fixed f ? f : null;
        }

        @Override
        void observe(long tick) {
            if (tick < e.fromTick() || !run.sim.alive(agent) || other >= 0 && !run.sim.alive(other)) {
                return;
            }
            double x = run.sim.x(agent);
            double y = run.sim.y(agent);
            double d = fixed != null ? fixed.distance(x, y) : run.distance(agent, other);
            if (d > farthest) {
                farthest = d;
                farthestAt = tick;
            }
        }

        @Override
        Verdict verdict(int index) {
            String of = e.place().describe();
            if (farthest < 0) {
                return new Verdict(index, "staysWithin", false, -1, e.agent() + " was never observed alive from tick "
                        + e.fromTick());
            }
            return new Verdict(index, "staysWithin", farthest <= e.radius(), farthest, e.agent() + " should stay within "
                    + format(e.radius()) + " of " + of + ": at most " + format(farthest) + " (tick " + farthestAt + ")");
        }
    }

    private static final class Reaches extends ExpectationCheck {
        private final String agentName;
        private final String kind;
        private final String wanted;
        private final long byTick;
        private final int agent;
        private long first = -1;

        Reaches(String agentName, String kind, String wanted, long byTick, ScenarioRun run) {
            super(run);
            this.agentName = agentName;
            this.kind = kind;
            this.wanted = wanted;
            this.byTick = byTick;
            agent = run.slot(agentName);
        }

        @Override
        void observe(long tick) {
            if (first >= 0) {
                return;
            }
            boolean rule = kind.equals("rule");
            if ((!rule || run.sim.alive(agent)) && wanted.equals(run.sim.state(agent))) {
                first = tick;
            }
        }

        @Override
        Verdict verdict(int index) {
            boolean ok = first >= 0 && first <= byTick;
            String when = first < 0 ? "never" : "first at tick " + first;
            return new Verdict(index, "reaches", ok, first, agentName + " should reach " + kind + " " + wanted + " by tick "
                    + byTick + ": " + when);
        }
    }

    private static final class Attacks extends ExpectationCheck {
        private final Expectation.Attacks e;
        private final int agent;
        private final int target;
        private long first = -1;

        Attacks(Expectation.Attacks e, ScenarioRun run) {
            super(run);
            this.e = e;
            agent = run.slot(e.agent());
            target = run.slot(e.target());
        }

        @Override
        void struck(long tick, int attacker, int victim) {
            if (!e.kill() && first < 0 && attacker == agent && victim == target) {
                first = tick;
            }
        }

        @Override
        void killed(long tick, int victim, int killer) {
            if (e.kill() && first < 0 && killer == agent && victim == target) {
                first = tick;
            }
        }

        @Override
        Verdict verdict(int index) {
            String type = e.kill() ? "kills" : "attacks";
            String when = first < 0 ? "never" : "first at tick " + first;
            return new Verdict(index, type, first >= 0 && first <= e.byTick(), first, e.agent() + " should "
                    + (e.kill() ? "kill " : "strike ") + e.target() + " by tick " + e.byTick() + ": " + when);
        }
    }

    private static final class HealthAtLeast extends ExpectationCheck {
        private final Expectation.HealthAtLeast e;
        private final int agent;

        HealthAtLeast(Expectation.HealthAtLeast e, ScenarioRun run) {
            super(run);
            this.e = e;
            agent = run.slot(e.agent());
        }

        @Override
        Verdict verdict(int index) {
            double health = run.sim.alive(agent) ? run.sim.health(agent) : 0;
            return new Verdict(index, "healthAtLeast", health >= e.health(), health, e.agent()
                    + "'s health at the end should be at least " + format(e.health()) + ": " + format(health));
        }
    }

    private static final class TeamKills extends ExpectationCheck {
        private final Expectation.TeamKills e;
        private int kills;

        TeamKills(Expectation.TeamKills e, ScenarioRun run) {
            super(run);
            this.e = e;
        }

        @Override
        void killed(long tick, int victim, int killer) {
            if (killer >= 0 && run.sim.team(killer) == e.team()) {
                kills++;
            }
        }

        @Override
        Verdict verdict(int index) {
            return new Verdict(index, "teamKills", kills >= e.kills(), kills, "team " + e.team()
                    + " should make at least " + e.kills() + " kills: " + kills);
        }
    }

    private static final class InBounds extends ExpectationCheck {
        private double worst;
        private String who = "";

        InBounds(ScenarioRun run) {
            super(run);
        }

        @Override
        void observe(long tick) {
            double r = run.sim.config().agentRadius();
            double w = run.sim.config().worldWidth();
            double h = run.sim.config().worldHeight();
            for (int s = 0; s < run.sim.slots(); s++) {
                if (run.sim.used(s) && run.sim.alive(s)) {
                    double x = run.sim.x(s);
                    double y = run.sim.y(s);
                    double out = Math.max(Math.max(r - x, x - (w - r)), Math.max(r - y, y - (h - r)));
                    if (out > worst) {
                        worst = out;
                        who = run.name(s) + " at tick " + tick;
                    }
                }
            }
        }

        @Override
        Verdict verdict(int index) {
            return new Verdict(index, "inBounds", worst == 0, worst, worst == 0 ? "no agent left the bounds"
                    : "an agent left the bounds by " + format(worst) + ": " + who);
        }
    }
}
