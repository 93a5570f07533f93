package io.m365platform.sync.rest;

import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunStep;

import java.time.Instant;
import java.util.List;

/** A run with its per-resource progress, as the REST API shows it. */
public record RunView(
        String runId,
        String connectionId,
        String tenantId,
        String mode,
        String trigger,
        String status,
        String errorCode,
        String statusReason,
        String requestedBy,
        String reason,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant resumeAfter,
        long durationMs,
        long graphRequests,
        long throttledResponses,
        long pages,
        String heldResource,
        String deletionsConfirmedBy,
        List<StepView> steps) {

    /** One resource of the run: status, counters, and what was skipped and why. */
    public record StepView(String resource, String status, String method, long pages, long fetched, long created,
                           long updated, long unchanged, long deleted, String message, Instant startedAt,
                           Instant finishedAt) {

        static StepView of(RunStep s) {
            return new StepView(s.resource().wireName(), s.status().wireName(), s.method(), s.pages(), s.fetched(),
                    s.created(), s.updated(), s.unchanged(), s.deleted(), s.message(), s.startedAt(), s.finishedAt());
        }
    }

    public static RunView of(Run r, List<RunStep> steps, Instant now) {
        return new RunView(r.runId().toString(), r.connectionId(), r.tenantId(), r.mode().wireName(),
                r.trigger().wireName(), r.status().wireName(), r.errorCode(), r.statusReason(), r.requestedBy(),
                r.reason(), r.requestedAt(), r.startedAt(), r.finishedAt(), r.resumeAfter(),
                r.duration(now).toMillis(), r.graphRequests(), r.throttledResponses(), r.pages(),
                r.heldResource() == null ? null : r.heldResource().wireName(), r.deletionsConfirmedBy(),
                steps == null ? null : steps.stream().map(StepView::of).toList());
    }
}
