package dev.agentarena.engine.ws.connection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many connections each remote address and each user holds, against their limits. Admission and release
 * are atomic together, so simultaneous connects cannot both take the last place.
 */
public final class ConnectionQuota {

    /** The limit a refused connection would have broken. */
    public enum Limit {
        ADDRESS("connections per address"),
        USER("connections per user");

        private final String description;

        Limit(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final int perAddress;
    private final int perUser;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private final Map<String, Integer> byUser = new HashMap<>();

    public ConnectionQuota(int perAddress, int perUser) {
        this.perAddress = perAddress;
        this.perUser = perUser;
    }

    /** Takes a place for a connection of {@code userId} from {@code address}, or names the limit it would break. */
    public synchronized Optional<Limit> tryAcquire(String address, String userId) {
        if (byAddress.getOrDefault(address, 0) >= perAddress) {
            return Optional.of(Limit.ADDRESS);
        }
        if (byUser.getOrDefault(userId, 0) >= perUser) {
            return Optional.of(Limit.USER);
        }
        byAddress.merge(address, 1, Integer::sum);
        byUser.merge(userId, 1, Integer::sum);
        return Optional.empty();
    }

    /** Gives back the place a connection took with {@link #tryAcquire}. */
    public synchronized void release(String address, String userId) {
        byAddress.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
        byUser.computeIfPresent(userId, (key, count) -> count > 1 ? count - 1 : null);
    }

    public int limit(Limit limit) {
        return limit == Limit.ADDRESS ? perAddress : perUser;
    }
}
