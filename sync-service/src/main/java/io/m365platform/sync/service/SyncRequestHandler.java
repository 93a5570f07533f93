package io.m365platform.sync.service;

import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.service.web.ApiException;
import io.m365platform.sync.run.RunMode;
import jakarta.ws.rs.core.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;


/**
 * A {@link SyncRequested} command: a request for a run (idempotent by request id; merged into the connection's
 * active run if there is one). A command that would confirm the deletions of a run held by the mass-deletion guard is
 * refused: anyone who can write the topic could otherwise delete a tenant's copy, so confirmation is an operator's act
 * over REST only ({@code POST /runs/{id}/confirm-deletions}); the refused command is dead-lettered.
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
            throw new ApiException(Response.Status.FORBIDDEN, "confirmation-over-rest-only", "sync request "
                    + request.requestId() + " would confirm the deletions of held run " + request.confirmsHeldSyncRunId()
                    + "; an operator confirms them with POST /runs/{id}/confirm-deletions");
        }
        var enqueued = runs.request(request.connectionId(), RunMode.of(request.mode()), SyncTrigger.REQUEST,
                request.requestId(), request.requestedBy(), request.reason(), request.resources());
        if (!enqueued.created()) {
            LOG.debugf("sync request %s for connection %s merged into run %s", request.requestId(),
                    request.connectionId(), enqueued.run().runId());
        }
    }
}
