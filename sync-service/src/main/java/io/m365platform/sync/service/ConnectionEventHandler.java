package io.m365platform.sync.service;

import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionEvent;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.sync.config.SyncSettings;
import io.m365platform.sync.connection.ConnectionRepository;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.RunDispatcher;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Learns connections from connection events: stores what matters for syncing (tenant, product, status, granted
 * permissions) and starts a full run when a connection becomes usable or its permissions change. A deleted
 * connection stops its run and has everything synced through it withdrawn (deleted events + tombstones).
 */
@ApplicationScoped
public class ConnectionEventHandler {

    private static final Logger LOG = Logger.getLogger(ConnectionEventHandler.class);

    private final ConnectionRepository connections;
    private final RunRepository runs;
    private final RunService runService;
    private final RunDispatcher dispatcher;
    private final SyncSettings settings;
    private final Clock clock = Clock.systemUTC();

    public ConnectionEventHandler(ConnectionRepository connections, RunRepository runs, RunService runService,
                                  RunDispatcher dispatcher, SyncSettings settings) {
        this.connections = connections;
        this.runs = runs;
        this.runService = runService;
        this.dispatcher = dispatcher;
        this.settings = settings;
    }

    public void onConnectionState(ConnectionEvent event) {
        ConnectionState state = event.connection();
        Optional<ConnectionRepository.Applied> applied = connections.apply(state.connectionId(), state.tenantId(),
                state.product().wireName(), state.status().wireName(), new HashSet<>(state.grantedPermissions()),
                state.updatedAt());
        if (applied.isEmpty()) {
            LOG.debugf("ignored an outdated event for connection %s", state.connectionId());
            return;
        }
        KnownConnection after = applied.get().after();
        Optional<KnownConnection> before = applied.get().before();
        boolean becameSyncable = after.syncable() && (before.isEmpty() || !before.get().syncable());
        boolean permissionsChanged = after.syncable() && before.isPresent()
                && !before.get().grantedPermissions().equals(after.grantedPermissions());
        boolean productChanged = after.syncable() && before.isPresent() && !before.get().product().equals(after.product());
        if (becameSyncable || permissionsChanged || productChanged) {
            Instant now = clock.instant();
            connections.scheduleNext(after.connectionId(), now.plus(settings.incrementalInterval()),
                    now.plus(settings.fullInterval()));
            String why = becameSyncable ? "connection usable" : permissionsChanged ? "permissions changed"
                    : "product changed";
            runService.request(after.connectionId(), RunMode.FULL, SyncTrigger.CONNECTION_CHANGED, null,
                    "connection-service", why, List.of());
        }
    }

    public void onConnectionDeleted(ConnectionDeleted event) {
        if (!connections.markDeleted(event.connectionId(), event.occurredAt())) {
            if (connections.find(event.connectionId()).isEmpty()) {
                // Never seen before: remember it as deleted so that a late creation event cannot revive it.
                connections.apply(event.connectionId(), event.tenantId(), "unknown", "deleted", java.util.Set.of(),
                        event.occurredAt());
                connections.markDeleted(event.connectionId(), event.occurredAt());
            }
            return;
        }
        runs.findActive(event.connectionId()).ifPresent(active -> {
            runs.cancel(active.runId(), "connection deleted", true);
            dispatcher.stop(active.runId(), "connection deleted");
        });
        runService.request(event.connectionId(), RunMode.PURGE, SyncTrigger.CONNECTION_CHANGED, null,
                "connection-service", "connection deleted by " + event.deletedBy(), List.of());
        LOG.infof("connection %s deleted: withdrawing its synced state", event.connectionId());
    }
}
