package io.m365platform.sync.engine;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.error.GraphException;
import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.db.DataAccessException;
import io.m365platform.sync.engine.pipeline.OrderedCommits;
import io.m365platform.sync.engine.pipeline.PageExecutors;
import io.m365platform.sync.publish.PublishException;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunStep;
import io.m365platform.sync.run.StepRepository.PlannedStep;
import io.m365platform.sync.run.StepStatus;
import io.m365platform.service.token.TokenSource;
import io.m365platform.service.token.TokenUnavailableException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Executes runs on this instance: claims the lease, keeps it alive with a heartbeat, plans the resources (skipping
 * those the connection has no permission for), runs each resource from its checkpoint and ends the run as
 * completed, paused (throttled; resumes later from its checkpoint), held (mass-deletion guard) or failed — with
 * the matching run event.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class);

    private final EngineContext engine;
    private final Map<SyncResource, ResourceSync> resources = new LinkedHashMap<>();
    private final Set<SyncResource> companionResources = new HashSet<>();
    private final TokenSource tokens;
    private final RunEvents events;
    private final Maintenance maintenance;
    private final ScheduledExecutorService heartbeats;
    private final PageCommitter committer;
    private final OrderedCommits pipeline;
    private final DeletionApplier deletions;

    /**
     * @param heartbeats renews the leases; closed with the engine
     * @param executors  the page pipeline's threads; owned (and closed) by the caller
     */
    public SyncEngine(EngineContext engine, List<ResourceSync> resources, TokenSource tokens,
                      ScheduledExecutorService heartbeats, PageExecutors executors) {
        this.engine = engine;
        for (ResourceSync r : resources) {
            this.resources.put(r.resource(), r);
            companionResources.addAll(r.companions());
        }
        this.tokens = tokens;
        this.events = new RunEvents(engine.sink(), engine.clock());
        this.maintenance = new Maintenance(engine);
        this.heartbeats = heartbeats;
        this.committer = new PageCommitter(engine.jdbc(), engine.runs(), engine.steps(), engine.pending(),
                engine.sink(), engine.clock(), engine.catalog());
        this.pipeline = new OrderedCommits(executors);
        this.deletions = new DeletionApplier(engine);
    }

    /** Stops the lease heartbeats (after the dispatcher stopped its runs). */
    @Override
    public void close() {
        heartbeats.shutdownNow();
    }

    public EngineContext context() {
        return engine;
    }

    public String owner() {
        return engine.settings().instanceId();
    }

    /**
     * Claims and executes a run; returns without doing anything when another instance holds it or it is not due.
     *
     * @param onScope receives the run's scope once claimed, so that the caller can ask it to stop
     */
    public void execute(UUID runId, java.util.function.Consumer<RunScope> onScope) {
        Optional<Run> claimed = engine.runs().claim(runId, owner(), engine.settings().lease());
        if (claimed.isEmpty()) {
            return;
        }
        Run run = claimed.get();
        KnownConnection connection = engine.connections().find(run.connectionId()).orElse(null);
        if (connection == null || (connection.deleted() && run.mode().isSync())) {
            engine.runs().fail(run.runId(), owner(), "connection-deleted",
                    "the connection was deleted or is unknown to sync-service");
            return;
        }
        GraphAccess graph = engine.graph().forConnection(run.connectionId(), run.tenantId());
        RunScope scope = new RunScope(engine, run, connection, graph, owner());
        onScope.accept(scope);
        Duration beat = engine.settings().heartbeat();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                if (!engine.runs().renewLease(run.runId(), owner(), engine.settings().lease())) {
                    scope.requestStop("lease lost");
                }
            } catch (RuntimeException e) {
                LOG.warnf("could not renew the lease of run %s: %s", run.runId(), e.getMessage());
            }
        }, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            switch (run.mode()) {
                case FULL, INCREMENTAL -> executeSync(scope);
                case REPUBLISH, PURGE -> executeMaintenance(scope);
            }
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void executeSync(RunScope scope) {
        Run run = scope.run();
        List<RunStep> steps = List.of();
        try {
            AccessToken token = tokens.token(run.connectionId());
            steps = plan(scope, token.permissions());
            for (RunStep step : steps) {
                if (step.status().isFinished() || companionResources.contains(step.resource())) {
                    continue;
                }
                scope.checkNotStopped();
                runStep(scope, step);
            }
            steps = engine.steps().steps(run.runId());
            Run counters = engine.runs().find(run.runId()).orElse(run);
            events.completed(run, steps, counters.graphRequests(), counters.throttledResponses());
            if (engine.runs().complete(run.runId(), owner())) {
                Instant now = engine.clock().instant();
                engine.connections().scheduleNext(run.connectionId(), now.plus(engine.settings().incrementalInterval()),
                        run.mode() == io.m365platform.sync.run.RunMode.FULL
                                ? now.plus(engine.settings().fullInterval()) : null);
            }
            LOG.infof("run %s (%s) of connection %s completed", run.runId(), run.mode().wireName(), run.connectionId());
        } catch (RunHeldException held) {
            steps = engine.steps().steps(run.runId());
            events.held(run, held, steps);
            engine.runs().hold(run.runId(), owner(), held.resource(), held.getMessage());
            LOG.warnf("run %s of connection %s held: %s", run.runId(), run.connectionId(), held.getMessage());
        } catch (LeaseLostException | RunStoppedException stopped) {
            stopped(scope, stopped);
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof LeaseLostException || cause instanceof RunStoppedException || scope.stopRequested()) {
                stopped(scope, cause);
                return;
            }
            endUnsuccessfully(scope, cause instanceof RuntimeException r ? r : e);
        }
    }

    /** The run stopped on this instance without an outcome: the lease is handed back or left to expire. */
    private void stopped(RunScope scope, Throwable why) {
        LOG.infof("run %s stopped on this instance: %s", scope.runId(), why.getMessage());
        if (scope.releaseOnStop()) {
            engine.runs().release(scope.runId(), owner());
        }
    }

    private List<RunStep> plan(RunScope scope, Set<String> granted) {
        Run run = scope.run();
        List<PlannedStep> plan = new ArrayList<>();
        List<SyncResource> planned = new ArrayList<>();
        for (ResourceSync r : resources.values()) {
            if (!r.appliesTo(run.mode(), scope.connection())
                    || (!run.resources().isEmpty() && !run.resources().contains(r.resource()))) {
                continue;
            }
            boolean allowed = r.permissions().stream().anyMatch(granted::contains);
            String message = allowed ? null : "skipped: missing permission (needs one of " + r.permissions() + ")";
            StepStatus status = allowed ? StepStatus.PENDING : StepStatus.SKIPPED;
            plan.add(new PlannedStep(r.resource(), status, message));
            for (SyncResource companion : r.companions()) {
                plan.add(new PlannedStep(companion, status, message));
            }
            if (allowed) {
                planned.add(r.resource());
                planned.addAll(r.companions());
            }
        }
        boolean firstTime = engine.steps().steps(run.runId()).isEmpty();
        List<RunStep> steps = engine.steps().planOnce(run.runId(), plan);
        if (firstTime) {
            events.started(run, planned);
        }
        return steps;
    }

    private void runStep(RunScope scope, RunStep step) {
        ResourceSync sync = resources.get(step.resource());
        StepScope stepScope = new StepScope(scope, step, sync.companions(), committer, pipeline, deletions,
                pages -> progress(scope, step.resource(), pages));
        try {
            sync.sync(stepScope);
        } catch (GraphRequestException e) {
            if (!e.isForbidden()) {
                throw e;
            }
            // One resource the app may not read must not stop the others.
            String message = "skipped: Graph denied " + e.method() + " " + e.path() + " (" + e.status() + " "
                    + (e.code() == null ? "" : e.code()) + "): grant one of " + sync.permissions();
            engine.jdbc().inTransactionVoid(c -> {
                engine.steps().setStatus(c, scope.runId(), step.resource(), StepStatus.SKIPPED, null, message);
                for (SyncResource companion : sync.companions()) {
                    engine.steps().setStatus(c, scope.runId(), companion, StepStatus.SKIPPED, null, message);
                }
            });
            LOG.warnf("run %s: %s %s", scope.runId(), step.resource().wireName(), message);
        }
    }

    private void progress(RunScope scope, SyncResource current, long pages) {
        if (pages % engine.settings().progressEveryPages() != 0) {
            return;
        }
        try {
            Run counters = engine.runs().find(scope.runId()).orElse(scope.run());
            events.progress(scope.run(), current, engine.steps().steps(scope.runId()), counters.graphRequests());
        } catch (RuntimeException e) {
            LOG.warnf("run %s: progress event not published: %s", scope.runId(), e.getMessage());
        }
    }

    /** Throttled, unreachable or failing: pause (resume later from the checkpoint) or fail. */
    private void endUnsuccessfully(RunScope scope, RuntimeException e) {
        Run run = scope.run();
        Failure failure = classify(e);
        boolean pause = failure.retryable() && run.attempts() < engine.settings().maxAttempts();
        Instant resumeAt = null;
        if (pause) {
            Duration wait = engine.settings().pauseDelay();
            if (e instanceof GraphThrottledException t && t.resumeAfter().compareTo(wait) > 0) {
                wait = t.resumeAfter();
            }
            resumeAt = engine.clock().instant().plus(wait);
        }
        List<RunStep> steps = engine.steps().steps(run.runId());
        try {
            events.failed(run, steps, failure.code(), failure.reason(), pause, resumeAt);
        } catch (RuntimeException publishFailure) {
            LOG.warnf("run %s: failure event not published: %s", run.runId(), publishFailure.getMessage());
        }
        if (pause) {
            engine.runs().pause(run.runId(), owner(), resumeAt, failure.code(), failure.reason());
            LOG.warnf("run %s of connection %s paused until %s: %s", run.runId(), run.connectionId(), resumeAt,
                    failure.reason());
        } else {
            engine.runs().fail(run.runId(), owner(), failure.code(), failure.reason());
            LOG.errorf(e, "run %s of connection %s failed: %s", run.runId(), run.connectionId(), failure.reason());
        }
    }

    static Failure classify(RuntimeException e) {
        if (e instanceof GraphThrottledException t) {
            return new Failure("throttled", t.getMessage(), true);
        }
        if (e instanceof TokenUnavailableException t) {
            return new Failure(t.errorCode(), t.getMessage(), t.retryable());
        }
        if (e instanceof GraphRequestException g) {
            if (g.status() == 401) {
                return new Failure("credentials-invalid", g.getMessage(), true);
            }
            return new Failure("graph-error", g.getMessage(), g.status() >= 500);
        }
        if (e instanceof GraphNetworkException || e instanceof GraphException) {
            return new Failure("graph-unreachable", e.getMessage(), true);
        }
        if (e instanceof PublishException) {
            return new Failure("kafka-unavailable", e.getMessage(), true);
        }
        if (e instanceof DataAccessException) {
            return new Failure("database-error", e.getMessage(), true);
        }
        return new Failure("internal", e.getClass().getSimpleName() + ": " + e.getMessage(), false);
    }

    private void executeMaintenance(RunScope scope) {
        Run run = scope.run();
        try {
            maintenance.execute(scope);
            // A purged connection stays known as deleted, so that a late event cannot bring it back.
            engine.runs().complete(run.runId(), owner());
        } catch (LeaseLostException | RunStoppedException stopped) {
            stopped(scope, stopped);
        } catch (RuntimeException e) {
            if (scope.stopRequested()) {
                stopped(scope, e);
                return;
            }
            Failure failure = classify(e);
            Instant resumeAt = engine.clock().instant().plus(engine.settings().pauseDelay());
            if (failure.retryable() && run.attempts() < engine.settings().maxAttempts()) {
                engine.runs().pause(run.runId(), owner(), resumeAt, failure.code(), failure.reason());
            } else {
                engine.runs().fail(run.runId(), owner(), failure.code(), failure.reason());
            }
            LOG.warnf(e, "%s run %s of connection %s did not finish", run.mode().wireName(), run.runId(),
                    run.connectionId());
        }
    }

    /** The first exception in the cause chain that this engine knows how to handle, else {@code e} itself. */
    private static Throwable rootCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TokenUnavailableException || c instanceof GraphException || c instanceof PublishException
                    || c instanceof DataAccessException || c instanceof LeaseLostException
                    || c instanceof RunStoppedException) {
                return c;
            }
        }
        return e;
    }

    record Failure(String code, String reason, boolean retryable) {
    }
}
