package io.m365platform.sync.service;

import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.sync.run.RunMode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * A {@link SyncRequested} command: either the confirmation of a run held by the mass-deletion guard, or a request
 * for a run (idempotent by request id; merged into the connection's active run if there is one).
 */
@ApplicationScoped
public class SyncRequestHandler {

    private static final Logger LOG = Logger.getLogger(SyncRequestHandler.class);

    private final RunService runs;

    public SyncRequestHandler(RunService runs) {
        this.runs = runs;
    }

    public void onRequest(SyncRequested request) {
        if (request.confirmsHeldSyncRunId() != null) {
            UUID held = UUID.fromString(request.confirmsHeldSyncRunId());
            runs.confirmDeletions(held, request.requestedBy());
            return;
        }
        var enqueued = runs.request(request.connectionId(), RunMode.of(request.mode()), SyncTrigger.REQUEST,
                request.requestId(), request.requestedBy(), request.reason(), request.resources());
        if (!enqueued.created()) {
            LOG.debugf("sync request %s for connection %s merged into run %s", request.requestId(),
                    request.connectionId(), enqueued.run().runId());
        }
    }
}
