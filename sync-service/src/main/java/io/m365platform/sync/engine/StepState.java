package io.m365platform.sync.engine;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.DeltaLinks;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.RunStep;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.sync.run.StepStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Where one resource of a run stands — status, method, checkpoint — and its transitions as stored in {@code run_step}
 * (for the resource and its companions): begun, restarted, a page committed, completed with its new delta link.
 */
final class StepState {

    private final RunScope run;
    private final SyncResource resource;
    private final List<SyncResource> companions;
    private final Jdbc jdbc;
    private final StepRepository steps;
    private final RunRepository runs;
    private final DeltaLinks deltaLinks;
    private final Clock clock;
    private StepStatus status;
    private String method;
    private Checkpoint checkpoint;

    StepState(RunScope run, RunStep step, List<SyncResource> companions) {
        this.run = run;
        this.resource = step.resource();
        this.companions = companions;
        EngineContext engine = run.engine();
        this.jdbc = engine.jdbc();
        this.steps = engine.steps();
        this.runs = engine.runs();
        this.deltaLinks = engine.deltaLinks();
        this.clock = engine.clock();
        this.status = step.status();
        this.method = step.method();
        this.checkpoint = new Checkpoint(step.nextLink(), step.cursor(), step.newDeltaLink());
    }

    SyncResource resource() {
        return resource;
    }

    List<SyncResource> companions() {
        return companions;
    }

    StepStatus status() {
        return status;
    }

    String method() {
        return method;
    }

    Checkpoint checkpoint() {
        return checkpoint;
    }

    /** Objects of {@code other} this run has deleted so far (from its step counters). */
    long deletedInThisRun(SyncResource other) {
        return steps.steps(run.runId()).stream().filter(s -> s.resource() == other).mapToLong(RunStep::deleted).sum();
    }

    /** Marks the step running with a method, unless it already runs (a resumed step keeps its method). */
    String begin(String wantedMethod) {
        if (status == StepStatus.PENDING || method == null) {
            method = wantedMethod;
            status = status == StepStatus.DELETING ? status : StepStatus.RUNNING;
            jdbc.inTransactionVoid(c -> {
                steps.setStatus(c, run.runId(), resource, status, method, null);
                for (SyncResource companion : companions) {
                    steps.setStatus(c, run.runId(), companion, StepStatus.RUNNING, method, null);
                }
            });
        }
        return method;
    }

    /** Starts reading again from scratch with another method (the delta link expired). */
    void restart(String newMethod) {
        jdbc.inTransactionVoid(c -> steps.restart(c, run.runId(), resource, newMethod));
        method = newMethod;
        status = StepStatus.RUNNING;
        checkpoint = Checkpoint.START;
    }

    /** A page committed with this checkpoint and status (its delta link, if any, is kept for {@link #complete}). */
    void committed(Checkpoint after, StepStatus nextStatus) {
        String deltaLink = after.newDeltaLink() != null ? after.newDeltaLink() : checkpoint.newDeltaLink();
        checkpoint = new Checkpoint(after.nextLink(), after.cursor(), deltaLink);
        status = nextStatus;
    }

    /** Stores the delta link the round ended with and marks the step (and its companions) completed. */
    void complete(String message) {
        Instant now = clock.instant();
        jdbc.inTransactionVoid(c -> {
            if (!runs.holdsLease(c, run.runId(), run.owner())) {
                throw new LeaseLostException(run.runId());
            }
            if (checkpoint.newDeltaLink() != null) {
                deltaLinks.put(c, run.connectionId(), resource, checkpoint.newDeltaLink(), now);
            }
            steps.setStatus(c, run.runId(), resource, StepStatus.COMPLETED, null, message);
            for (SyncResource companion : companions) {
                steps.setStatus(c, run.runId(), companion, StepStatus.COMPLETED, null, message);
            }
        });
        status = StepStatus.COMPLETED;
    }
}
