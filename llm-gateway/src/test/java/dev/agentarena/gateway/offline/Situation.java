package dev.agentarena.gateway.offline;

import dev.agentarena.contracts.messages.LlmExpectation;
import dev.agentarena.contracts.messages.LlmExpectation.Outcome;

/** A test's situation, written fluently; unset values keep the typical mid-fight perception. */
final class Situation {

    private Double health;
    private Double enemyDistance;
    private Double enemies;
    private Double allies;
    private Double alliesNear;
    private Double allyDistance;
    private Double x;
    private Double y;

    static Situation at() {
        return new Situation();
    }

    Situation health(double ratio) {
        health = ratio;
        return this;
    }

    Situation enemy(double distance) {
        enemyDistance = distance;
        return this;
    }

    Situation noEnemy() {
        enemyDistance = -1.0;
        return this;
    }

    Situation enemies(double count) {
        enemies = count;
        return this;
    }

    Situation allies(double count) {
        allies = count;
        return this;
    }

    Situation group(double count) {
        alliesNear = count;
        return this;
    }

    Situation ally(double distance) {
        allyDistance = distance;
        return this;
    }

    Situation noAlly() {
        allyDistance = -1.0;
        alliesNear = 0.0;
        return this;
    }

    Situation position(double px, double py) {
        x = px;
        y = py;
        return this;
    }

    LlmExpectation expecting(Outcome outcome) {
        return new LlmExpectation(health, enemyDistance, null, enemies, allies, alliesNear, allyDistance, x, y, outcome);
    }
}
