package dev.agentarena.engine.ws.connection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionQuotaTest {

    private final ConnectionQuota quota = new ConnectionQuota(2, 3);

    @Test
    void eachAddressHoldsAtMostItsLimitAndAReleaseFreesAPlace() {
        assertThat(quota.tryAcquire("10.0.0.1", "u1")).isEmpty();
        assertThat(quota.tryAcquire("10.0.0.1", "u2")).isEmpty();
        assertThat(quota.tryAcquire("10.0.0.1", "u3")).contains(ConnectionQuota.Limit.ADDRESS);
        assertThat(quota.tryAcquire("10.0.0.2", "u3")).isEmpty();
        quota.release("10.0.0.1", "u1");
        assertThat(quota.tryAcquire("10.0.0.1", "u3")).isEmpty();
    }

    @Test
    void eachUserHoldsAtMostItsLimitWhateverTheAddress() {
        assertThat(quota.tryAcquire("a", "u")).isEmpty();
        assertThat(quota.tryAcquire("b", "u")).isEmpty();
        assertThat(quota.tryAcquire("c", "u")).isEmpty();
        assertThat(quota.tryAcquire("d", "u")).contains(ConnectionQuota.Limit.USER);
        assertThat(quota.tryAcquire("d", "other")).isEmpty();
    }

    @Test
    void aRefusedConnectionTakesNoPlace() {
        quota.tryAcquire("a", "u");
        quota.tryAcquire("a", "u");
        assertThat(quota.tryAcquire("a", "u")).contains(ConnectionQuota.Limit.ADDRESS);
        quota.release("a", "u");
        assertThat(quota.tryAcquire("b", "u")).isEmpty();
        assertThat(quota.tryAcquire("c", "u")).isEmpty();
        assertThat(quota.tryAcquire("d", "u")).contains(ConnectionQuota.Limit.USER);
    }
}
