package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

import java.time.Instant;

/**
 * A connection's usage reports started or stopped concealing user names (32-hex hashes instead of user principal
 * names). While they do, usage cannot be tied to users; {@code concealedFix} says what to do.
 *
 * @param connectionId   connection
 * @param tenantId       tenant
 * @param concealed      the reports conceal user names now
 * @param concealedFix   what to do about it (null when not concealed)
 * @param unconcealOptIn the operator lets the service turn concealment off itself
 * @param changedAt      when the service saw the change
 */
public record UsageStatusChanged(String connectionId, String tenantId, boolean concealed, String concealedFix,
                                 boolean unconcealOptIn, Instant changedAt) implements PlatformEvent {

    public UsageStatusChanged {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        if (concealed) {
            Checks.requireText(concealedFix, "concealedFix");
        }
        Checks.require(changedAt, "changedAt");
    }

    /** The Kafka key {@code {connectionId}}. */
    public static String key(String connectionId) {
        return EventKey.of(connectionId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId);
    }

    @Override
    public Instant eventTime() {
        return changedAt;
    }
}
