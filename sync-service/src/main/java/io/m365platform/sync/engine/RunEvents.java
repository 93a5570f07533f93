package io.m365platform.sync.engine;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.sync.ResourceCounts;
import io.m365platform.contracts.sync.SyncCompleted;
import io.m365platform.contracts.sync.SyncFailed;
import io.m365platform.contracts.sync.SyncHeld;
import io.m365platform.contracts.sync.SyncProgress;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncStarted;
import io.m365platform.sync.publish.EventSink;
import io.m365platform.sync.publish.PublishBatch;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunStep;
import io.m365platform.sync.run.StepStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Publishes the run events of {@code m365.sync.runs} (started, progress, completed, failed, held). */
public final class RunEvents {

    private final EventSink sink;
    private final Clock clock;

    public RunEvents(EventSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    public void started(Run run, List<SyncResource> resources) {
        publish(new SyncStarted(run.runId().toString(), run.connectionId(), run.tenantId(), run.requestId(),
                run.trigger(), run.mode().syncMode(), resources, start(run)));
    }

    public void progress(Run run, SyncResource current, List<RunStep> steps, long graphRequests) {
        publish(new SyncProgress(run.runId().toString(), run.connectionId(), run.tenantId(), current, counts(steps),
                graphRequests, clock.instant()));
    }

    public void completed(Run run, List<RunStep> steps, long graphRequests, long throttled) {
        Instant now = clock.instant();
        Instant started = start(run);
        publish(new SyncCompleted(run.runId().toString(), run.connectionId(), run.tenantId(), run.mode().syncMode(),
                started, now, Math.max(0, now.toEpochMilli() - started.toEpochMilli()), counts(steps), graphRequests,
                throttled));
    }

    public void failed(Run run, List<RunStep> steps, String errorCode, String reason, boolean retryable,
                       Instant resumeAt) {
        publish(new SyncFailed(run.runId().toString(), run.connectionId(), run.tenantId(), run.mode().syncMode(),
                start(run), clock.instant(), errorCode, reason, retryable, resumeAt, counts(steps)));
    }

    public void held(Run run, RunHeldException held, List<RunStep> steps) {
        publish(new SyncHeld(run.runId().toString(), run.connectionId(), run.tenantId(), held.resource(),
                held.pendingDeletions(), held.currentCount(), held.share(), held.threshold(), clock.instant(),
                counts(steps)));
    }

    private Instant start(Run run) {
        return run.startedAt() != null ? run.startedAt() : clock.instant();
    }

    private static List<ResourceCounts> counts(List<RunStep> steps) {
        return steps.stream().filter(s -> s.status() != StepStatus.PENDING && s.status() != StepStatus.SKIPPED)
                .map(RunStep::counts).toList();
    }

    private void publish(PlatformEvent event) {
        PublishBatch batch = sink.newBatch();
        batch.publish(event);
        batch.await();
    }
}
