package io.m365platform.action.service;

import io.m365platform.action.client.ConnectionGraph;
import io.m365platform.action.client.GraphSession;
import io.m365platform.action.connection.ConnectionStore;
import io.m365platform.action.connection.KnownConnection;
import io.m365platform.action.executor.ActionExecutor;
import io.m365platform.action.executor.ActionInput;
import io.m365platform.action.executor.Executors;
import io.m365platform.action.executor.Step;
import io.m365platform.action.execution.ErrorClassifier;
import io.m365platform.action.execution.Verdict;
import io.m365platform.action.policy.Admission;
import io.m365platform.action.store.Failure;
import io.m365platform.action.store.GraphCall;
import io.m365platform.contracts.action.ActionRequested;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shows what an action would do without doing it: the checks of its connection, the Graph reads it makes (for real,
 * to see the state before) and the writes it would make (not sent), with each changed property's before → after.
 */
@ApplicationScoped
public class DryRun {

    /**
     * @param wouldRun  false when the action would be refused or would fail
     * @param outcome   {@code applied} or {@code already-applied} when it would run
     * @param changes   property → "before → after" (and other facts of the change)
     * @param calls     Graph calls in order; writes have {@code dryRun=true} and no status
     * @param refusal   why it would not run, or null
     */
    public record Plan(boolean wouldRun, String outcome, Map<String, String> changes, List<GraphCall> calls,
                       Failure refusal) {
    }

    private final ConnectionStore connections;
    private final Admission admission;
    private final Executors executors;
    private final ConnectionGraph graph;
    private final ErrorClassifier classifier = new ErrorClassifier(Duration.ZERO);

    public DryRun(ConnectionStore connections, Admission admission, Executors executors, ConnectionGraph graph) {
        this.connections = connections;
        this.admission = admission;
        this.executors = executors;
        this.graph = graph;
    }

    public Plan plan(ActionRequested request) {
        Optional<KnownConnection> connection = connections.find(request.connectionId());
        if (connection.isEmpty()) {
            return refused(Failure.of("connection-unknown", "Connection " + request.connectionId()
                    + " is not known to action-service.", "Check the connection id."), List.of());
        }
        Optional<Failure> refusal = admission.check(request.type(), request.tenantId(), connection.get());
        if (refusal.isPresent()) {
            return refused(refusal.get(), List.of());
        }
        Optional<ActionExecutor> executor = executors.forType(request.type());
        if (executor.isEmpty()) {
            return refused(Failure.of("not-implemented", request.type().wireName() + " is not implemented yet.",
                    null), List.of());
        }
        GraphSession session = new GraphSession(graph.requests(request.connectionId(), request.tenantId()), true);
        try {
            Step step = executor.get().run(new ActionInput(request.actionId(), request.type(), request.parameters(),
                    null), session);
            if (step instanceof Step.Done done) {
                return new Plan(true, done.outcome().wireName(), done.details(), session.calls(), null);
            }
            return new Plan(true, "applied", Map.of(), session.calls(), null);
        } catch (RuntimeException e) {
            Verdict verdict = classifier.classify(request.type(), e);
            return refused(verdict.failure(), session.calls());
        }
    }

    private static Plan refused(Failure failure, List<GraphCall> calls) {
        return new Plan(false, null, Map.of(), calls, failure);
    }
}
