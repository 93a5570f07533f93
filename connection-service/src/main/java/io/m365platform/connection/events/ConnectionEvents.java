package io.m365platform.connection.events;

import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.LastTest;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionCredentialsRotated;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.connection.ConnectionStatusChanged;
import io.m365platform.contracts.connection.ConnectionUpdated;
import io.m365platform.contracts.topics.Topic;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns changes of a connection into the lifecycle events of the contracts and puts them in the outbox (inside
 * the caller's transaction). Every event carries the connection's whole state and never a secret.
 */
@ApplicationScoped
public class ConnectionEvents {

    /** The {@link ConnectionState} fields whose change is worth an event when the status stays the same. */
    private static final List<Field> WATCHED = List.of(
            new Field("tenantId", ConnectionState::tenantId),
            new Field("displayName", ConnectionState::displayName),
            new Field("permissionLevel", ConnectionState::permissionLevel),
            new Field("statusReason", ConnectionState::statusReason),
            new Field("fix", ConnectionState::fix),
            new Field("grantedPermissions", ConnectionState::grantedPermissions),
            new Field("missingPermissions", ConnectionState::missingPermissions),
            new Field("secretExpiresAt", ConnectionState::secretExpiresAt));

    private record Field(String name, Function<ConnectionState, Object> value) {
    }

    private final Outbox outbox;

    public ConnectionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public static ConnectionState state(Connection c) {
        return new ConnectionState(c.id().toString(), c.tenantForEvents(), c.product(), c.method(), c.level(),
                c.displayName(), c.status(), c.health().reason().orElse(null), c.health().fix().orElse(null),
                c.clientId(), c.grantedPermissions(), c.capabilities().missingPermissions(),
                c.secretExpiry().expiresAt().orElse(null), c.createdAt(), c.updatedAt(),
                c.lastTest().map(LastTest::at).orElse(null));
    }

    public void created(Connection c) {
        outbox.add(new ConnectionCreated(state(c), c.createdBy(), c.createdAt()));
    }

    /**
     * Publishes what changed between two versions: a status change as status-changed, other visible changes as
     * updated, nothing when only bookkeeping (last test time) moved.
     */
    public void changed(Connection before, Connection after, String by, Instant at) {
        if (before.status() != after.status()) {
            outbox.add(new ConnectionStatusChanged(state(after), before.status(), at));
            return;
        }
        List<String> fields = changedFields(state(before), state(after));
        if (!fields.isEmpty()) {
            outbox.add(new ConnectionUpdated(state(after), fields, by, at));
        }
    }

    public void credentialsRotated(Connection before, Connection after, String by, Instant at) {
        outbox.add(new ConnectionCredentialsRotated(state(after), by, before.secretExpiry().expiresAt().orElse(null), at));
        if (before.status() != after.status()) {
            outbox.add(new ConnectionStatusChanged(state(after), before.status(), at));
        }
    }

    /** The deleted event, then a tombstone so compaction forgets the connection on the topic. */
    public void deleted(Connection c, String by, Instant at) {
        outbox.add(new ConnectionDeleted(c.id().toString(), c.tenantForEvents(), by, at));
        outbox.addTombstone(Topic.CONNECTIONS, EventKey.of(c.id().toString()));
    }

    static List<String> changedFields(ConnectionState before, ConnectionState after) {
        List<String> changed = new ArrayList<>();
        for (Field f : WATCHED) {
            if (!Objects.equals(f.value().apply(before), f.value().apply(after))) {
                changed.add(f.name());
            }
        }
        return changed;
    }
}
