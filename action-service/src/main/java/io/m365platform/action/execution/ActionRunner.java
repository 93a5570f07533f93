package io.m365platform.action.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.m365platform.action.client.ConnectionGraph;
import io.m365platform.action.client.GraphSession;
import io.m365platform.action.config.ActionConfig;
import io.m365platform.action.connection.ConnectionStore;
import io.m365platform.action.connection.KnownConnection;
import io.m365platform.action.executor.ActionExecutor;
import io.m365platform.action.executor.ActionInput;
import io.m365platform.action.executor.Executors;
import io.m365platform.action.executor.Step;
import io.m365platform.action.policy.Admission;
import io.m365platform.action.store.ActionStore;
import io.m365platform.action.store.ClaimedAction;
import io.m365platform.action.store.Failure;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.action.ActionCompleted;
import io.m365platform.contracts.action.ActionFailed;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionResult;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.ValidationError;
import io.m365platform.contracts.action.parameters.ActionParameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs one claimed action to its next state: refused up front when its connection cannot run it, otherwise its
 * executor against Graph, then completed, failed, put back to wait (throttled, within the attempt budget) or
 * continued later (long-running). Every transition is conditional on this instance still holding the lease.
 */
@ApplicationScoped
public class ActionRunner {

    private static final Logger LOG = Logger.getLogger(ActionRunner.class);
    /** How long a request may wait for its connection's first event before it is refused. */
    static final Duration UNKNOWN_CONNECTION_GRACE = Duration.ofMinutes(2);

    private final ActionStore store;
    private final ConnectionStore connections;
    private final Admission admission;
    private final Executors executors;
    private final ConnectionGraph graph;
    private final ActionConfig config;
    private final ErrorClassifier classifier;
    private final Clock clock = Clock.systemUTC();

    public ActionRunner(ActionStore store, ConnectionStore connections, Admission admission, Executors executors,
                        ConnectionGraph graph, ActionConfig config) {
        this.store = store;
        this.connections = connections;
        this.admission = admission;
        this.executors = executors;
        this.graph = graph;
        this.config = config;
        this.classifier = new ErrorClassifier(config.worker().tokenRetryDelay());
    }

    public void run(ClaimedAction action, String owner) {
        Optional<KnownConnection> connection = connections.find(action.connectionId());
        if (connection.isEmpty()) {
            waitForConnection(action, owner);
            return;
        }
        Optional<Failure> refusal = admission.check(action.type(), action.tenantId(), connection.get());
        Optional<ActionExecutor> executor = executors.forType(action.type());
        if (refusal.isEmpty() && executor.isEmpty()) {
            refusal = Optional.of(Failure.of("not-implemented", action.type().wireName()
                    + " is not implemented by this version of action-service.", "Upgrade action-service."));
        }
        if (refusal.isPresent()) {
            reject(action, owner, refusal.get());
            return;
        }
        GraphSession session = new GraphSession(graph.requests(action.connectionId(), action.tenantId()), false);
        Step step;
        try {
            step = executor.get().run(input(action), session);
        } catch (RuntimeException e) {
            handleError(action, owner, session, classifier.classify(action.type(), e));
            return;
        }
        switch (step) {
            case Step.Done done -> complete(action, owner, session, done);
            case Step.Continue next -> store.defer(action.actionId(), owner, clock.instant().plus(next.after()),
                    next.checkpoint(), null, session.calls());
        }
    }

    static ActionInput input(ClaimedAction action) {
        try {
            ActionParameters parameters = EventJson.mapper().treeToValue(action.parameters(),
                    action.type().parametersClass());
            return new ActionInput(action.actionId(), action.type(), parameters, action.checkpoint());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters of " + action.actionId() + " are unreadable", e);
        }
    }

    private void waitForConnection(ClaimedAction action, String owner) {
        Instant since = action.requestedAt() == null ? clock.instant() : action.requestedAt();
        if (clock.instant().isBefore(since.plus(UNKNOWN_CONNECTION_GRACE))) {
            // Connection and request arrive on different topics: the connection's event may still be on its way.
            store.defer(action.actionId(), owner, clock.instant().plusSeconds(1), null, null, List.of());
            return;
        }
        reject(action, owner, Failure.of("connection-unknown", "Connection " + action.connectionId()
                + " is not known to action-service.", "Check the connection id; create the connection first."));
    }

    private void reject(ClaimedAction action, String owner, Failure failure) {
        ActionRejected rejected = new ActionRejected(action.actionId(), action.connectionId(), action.tenantId(),
                action.type(), List.of(new ValidationError("", failure.explanation())), clock.instant());
        store.rejectClaimed(action.actionId(), owner, failure, rejected);
        LOG.infof("Action %s (%s) refused: %s", action.actionId(), action.type().wireName(), failure.code());
    }

    private void complete(ClaimedAction action, String owner, GraphSession session, Step.Done done) {
        String targetId = action.type() == ActionType.CREATE_USER ? done.resourceId() : action.targetId();
        ActionCompleted completed = new ActionCompleted(action.actionId(), action.connectionId(), action.tenantId(),
                action.type(), targetId, new ActionResult(done.outcome(), done.resourceId(), done.details()),
                Math.max(1, action.attempts()), clock.instant());
        if (!store.complete(action.actionId(), owner, done.outcome().wireName(), done.resourceId(), done.details(),
                session.calls(), completed)) {
            LOG.warnf("Action %s finished but its lease had passed to another instance", action.actionId());
        }
    }

    private void handleError(ClaimedAction action, String owner, GraphSession session, Verdict verdict) {
        int attempts = Math.max(1, action.attempts());
        if (verdict instanceof Verdict.Retry retry && attempts < config.worker().maxAttempts()) {
            store.defer(action.actionId(), owner, clock.instant().plus(retry.after()), action.checkpoint(),
                    retry.failure(), session.calls());
            LOG.debugf("Action %s attempt %d: %s, again in %s", action.actionId(), attempts,
                    retry.failure().code(), retry.after());
            return;
        }
        Failure failure = verdict.failure();
        boolean retryable = verdict instanceof Verdict.Retry;
        ActionFailed failed = new ActionFailed(action.actionId(), action.connectionId(), action.tenantId(),
                action.type(), action.targetId(), failure.code(),
                retryable ? failure.message() + " Gave up after " + attempts + " attempts." : failure.explanation(),
                retryable, attempts, failure.graphStatus(), failure.graphErrorCode(), clock.instant());
        store.fail(action.actionId(), owner, failure, session.calls(), failed);
        LOG.infof("Action %s (%s) failed: %s", action.actionId(), action.type().wireName(), failure.code());
    }
}
