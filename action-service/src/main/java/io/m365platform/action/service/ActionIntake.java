package io.m365platform.action.service;

import io.m365platform.action.config.ActionConfig;
import io.m365platform.action.connection.ConnectionStore;
import io.m365platform.action.connection.KnownConnection;
import io.m365platform.action.execution.ActionWorker;
import io.m365platform.action.policy.Admission;
import io.m365platform.action.result.OutboxRelay;
import io.m365platform.action.store.ActionStatus;
import io.m365platform.action.store.ActionStore;
import io.m365platform.action.store.Failure;
import io.m365platform.action.store.NewAction;
import io.m365platform.action.store.RejectedAction;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ValidationError;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Takes a valid request in, from Kafka or REST alike: refuses it at once when it is too old or its (known)
 * connection cannot run it, holds it for approval when the connection's policy asks for a second operator, and
 * otherwise records it as received and wakes the worker. The action id is the idempotency key: a repeated request
 * changes nothing and is not answered again.
 */
@ApplicationScoped
public class ActionIntake {

    /** What became of a request. */
    public enum Outcome { RECEIVED, AWAITING_APPROVAL, REJECTED, DUPLICATE }

    private final ActionStore store;
    private final ConnectionStore connections;
    private final Admission admission;
    private final ActionWorker worker;
    private final OutboxRelay relay;
    private final ActionConfig config;
    private final Clock clock = Clock.systemUTC();

    public ActionIntake(ActionStore store, ConnectionStore connections, Admission admission, ActionWorker worker,
                        OutboxRelay relay, ActionConfig config) {
        this.relay = relay;
        this.store = store;
        this.connections = connections;
        this.admission = admission;
        this.worker = worker;
        this.config = config;
    }

    public Outcome submit(NewAction action) {
        return submit(action, connections.find(action.request().connectionId()));
    }

    /**
     * Takes a poll's worth of requests in: refusals one by one (rare), the others recorded in one transaction and
     * in the order given (their request order). The connections are read once per batch.
     */
    public void submitAll(List<NewAction> actions) {
        java.util.Map<String, Optional<KnownConnection>> known = new java.util.HashMap<>();
        List<NewAction> accepted = new java.util.ArrayList<>();
        List<ActionStatus> states = new java.util.ArrayList<>();
        for (NewAction action : actions) {
            ActionRequested r = action.request();
            Optional<KnownConnection> connection = known.computeIfAbsent(r.connectionId(), connections::find);
            Admitted admitted = admit(action, connection);
            if (admitted.state() != null) {
                accepted.add(action);
                states.add(admitted.state());
            }
        }
        if (!accepted.isEmpty()) {
            store.recordReceivedAll(accepted, states);
            worker.wake();
        }
    }

    private Outcome submit(NewAction action, Optional<KnownConnection> connection) {
        Admitted admitted = admit(action, connection);
        if (admitted.state() == null) {
            return admitted.rejectionRecorded() ? Outcome.REJECTED : Outcome.DUPLICATE;
        }
        if (!store.recordReceived(action, admitted.state())) {
            return Outcome.DUPLICATE;
        }
        if (admitted.state() == ActionStatus.RECEIVED) {
            worker.wake();
        }
        return admitted.state() == ActionStatus.RECEIVED ? Outcome.RECEIVED : Outcome.AWAITING_APPROVAL;
    }

    /**
     * The state to record a request in, or (state null) its refusal, recorded with its rejection unless the action id
     * was known already.
     */
    private record Admitted(ActionStatus state, boolean rejectionRecorded) {
    }

    private Admitted admit(NewAction action, Optional<KnownConnection> connection) {
        ActionRequested r = action.request();
        Optional<Failure> refusal = admission.tooOld(r.requestedAt())
                .or(() -> connection.flatMap(c -> admission.check(r.type(), r.tenantId(), c)));
        if (refusal.isPresent()) {
            boolean recorded = reject(action, refusal.get());
            if (recorded) {
                relay.wake();
            }
            return new Admitted(null, recorded);
        }
        boolean needsApproval = config.approval().requiredFor().contains(r.type().wireName())
                || connection.map(c -> c.approvalRequired().contains(r.type().wireName())).orElse(false);
        return new Admitted(needsApproval ? ActionStatus.AWAITING_APPROVAL : ActionStatus.RECEIVED, false);
    }

    private boolean reject(NewAction action, Failure failure) {
        ActionRequested r = action.request();
        ActionRejected rejected = new ActionRejected(r.actionId(), r.connectionId(), r.tenantId(), r.type(),
                List.of(new ValidationError("", failure.explanation())), clock.instant());
        return store.recordRejected(new RejectedAction(r.actionId(), r.connectionId(), r.tenantId(),
                r.type().wireName(), EventJson.mapper().valueToTree(r.parameters()), r.targetId(),
                action.orderingKey(), r.requestedBy(), action.requester(), action.channel(), action.partition(),
                action.offset(), failure.code(), failure.message(), failure.fix()), rejected);
    }
}
