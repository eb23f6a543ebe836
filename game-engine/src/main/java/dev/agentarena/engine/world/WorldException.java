package dev.agentarena.engine.world;

/** A world operation refused, with a stable code: WORLD_EXISTS, WORLD_LIMIT, NOT_FOUND, INVALID_ID, INVALID_CONFIG, FORBIDDEN. */
public final class WorldException extends RuntimeException {

    private final String code;

    public WorldException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
