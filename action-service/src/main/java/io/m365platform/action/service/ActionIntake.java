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
        ActionRequested r = action.request();
        Optional<KnownConnection> connection = connections.find(r.connectionId());
        Optional<Failure> refusal = admission.tooOld(r.requestedAt())
                .or(() -> connection.flatMap(c -> admission.check(r.type(), r.tenantId(), c)));
        if (refusal.isPresent()) {
            if (!reject(action, refusal.get())) {
                return Outcome.DUPLICATE;
            }
            relay.wake();
            return Outcome.REJECTED;
        }
        boolean needsApproval = config.approval().requiredFor().contains(r.type().wireName())
                || connection.map(c -> c.approvalRequired().contains(r.type().wireName())).orElse(false);
        ActionStatus initial = needsApproval ? ActionStatus.AWAITING_APPROVAL : ActionStatus.RECEIVED;
        if (!store.recordReceived(action, initial)) {
            return Outcome.DUPLICATE;
        }
        if (!needsApproval) {
            worker.wake();
        }
        return needsApproval ? Outcome.AWAITING_APPROVAL : Outcome.RECEIVED;
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
