package dev.agentarena.contracts.messages;

/** Fixed identities of the entities that exist on every installation. */
public final class DefaultEntities {

    public static final String DEFAULT_USER_ID = "default_user";
    public static final String DEFAULT_USERNAME = "default_user";
    public static final String DEFAULT_CONFIG_ID = "default";
    public static final String DEFAULT_CONFIG_NAME = "Default";

    private DefaultEntities() {
    }
}
