package io.m365platform.sync.service;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.service.web.ApiException;
import io.m365platform.sync.connection.ConnectionRepository;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.RunDispatcher;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Starts, confirms and cancels runs, whoever asks (REST, sync requests, the schedule, connection events). A new
 * run is executed on this instance at once if a worker is free, otherwise by whichever instance's periodic look
 * takes it first; either way at most one run per connection is active.
 */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final RunRepository runs;
    private final ConnectionRepository connections;
    private final RunDispatcher dispatcher;

    public RunService(RunRepository runs, ConnectionRepository connections, RunDispatcher dispatcher) {
        this.runs = runs;
        this.connections = connections;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues a run (or returns the connection's active run, which absorbs the request).
     *
     * @throws ApiException 404 unknown connection, 409 connection deleted or not usable
     */
    public RunRepository.Enqueued request(String connectionId, RunMode mode, SyncTrigger trigger, String requestId,
                                          String requestedBy, String reason, List<SyncResource> resources) {
        KnownConnection connection = connections.find(connectionId)
                .orElseThrow(() -> ApiException.notFound("Connection " + connectionId));
        if (connection.deleted() && mode != RunMode.PURGE) {
            throw new ApiException(Response.Status.CONFLICT, "connection-deleted",
                    "Connection " + connectionId + " was deleted");
        }
        if (mode.isSync() && !connection.syncable()) {
            throw new ApiException(Response.Status.CONFLICT, "connection-not-usable", "Connection " + connectionId
                    + " cannot be synced while its status is " + connection.status());
        }
        RunRepository.Enqueued enqueued = runs.enqueue(new RunRepository.NewRun(UUID.randomUUID(), connectionId,
                connection.tenantId(), mode, trigger, requestId, requestedBy, reason, resources, null, null));
        if (enqueued.created()) {
            LOG.infof("queued %s run %s for connection %s (%s, by %s)", mode.wireName(), enqueued.run().runId(),
                    connectionId, trigger.wireName(), requestedBy);
            dispatcher.dispatch(enqueued.run().runId());
        }
        return enqueued;
    }

    /** Lets a run held by the mass-deletion guard apply its deletions. */
    public Run confirmDeletions(UUID runId, String confirmedBy) {
        Run run = runs.find(runId).orElseThrow(() -> ApiException.notFound("Run " + runId));
        if (run.status() != RunStatus.HELD) {
            throw ApiException.conflict("Run " + runId + " is " + run.status().wireName() + ", not held");
        }
        if (!runs.confirmDeletions(runId, confirmedBy)) {
            throw ApiException.conflict("Run " + runId + " is no longer held");
        }
        LOG.infof("deletions of run %s (%s) confirmed by %s", runId, run.heldResource(), confirmedBy);
        dispatcher.dispatch(runId);
        return runs.find(runId).orElseThrow();
    }

    /** Cancels an unfinished run; a running one stops at its next page. */
    public Run cancel(UUID runId, String by) {
        Run run = runs.find(runId).orElseThrow(() -> ApiException.notFound("Run " + runId));
        if (!run.status().isActive()) {
            throw ApiException.conflict("Run " + runId + " is already " + run.status().wireName());
        }
        if (!runs.cancel(runId, "cancelled by " + by, true)) {
            throw ApiException.conflict("Run " + runId + " finished meanwhile");
        }
        dispatcher.stop(runId, "cancelled");
        return runs.find(runId).orElseThrow();
    }

    /** Runs any instance may take now (queued, paused and due, abandoned by a crashed instance). */
    public int takeOver() {
        return dispatcher.takeOver();
    }
}
