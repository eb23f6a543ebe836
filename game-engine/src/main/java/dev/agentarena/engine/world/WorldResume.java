package dev.agentarena.engine.world;

import java.util.List;

/**
 * What a world starts from: its simulation's saved state (null: a fresh world), the offset of the last command in it,
 * whether it ran, the team behaviors it gives a rebuilt simulation ("" for none) and the stored config it runs
 * (null: not a stored one).
 */
public record WorldResume(byte[] state, long offset, boolean running, List<String> teamBehaviors, ConfigRef configRef) {
}
