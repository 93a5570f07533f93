package io.m365platform.sync.resource;

import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.ResourceSync;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.run.RunMode;

import java.util.Map;

/**
 * A resource without delta queries, reconciled in full on every run that reads it: all pages are read (each object
 * marked seen), then the stored objects not seen are deleted.
 */
public abstract class CollectionResourceSync implements ResourceSync {

    protected abstract EntityKind<?> kind();

    /** e.g. {@code /subscribedSkus}. */
    protected abstract String request(StepScope step);

    protected abstract ItemMapper mapper(StepScope step);

    /** Read in incremental runs too (cheap, single-request resources), or only in full runs. */
    protected boolean inIncrementalRuns() {
        return false;
    }

    @Override
    public boolean appliesTo(RunMode mode, KnownConnection connection) {
        return mode == RunMode.FULL || (mode == RunMode.INCREMENTAL && inIncrementalRuns());
    }

    @Override
    public void sync(StepScope step) {
        step.begin(StepScope.FULL);
        step.sweep(kind());
        if (!step.readingFinished()) {
            step.readAll(request(step), Map.of(), mapper(step));
        }
        step.queueUnseen(kind());
        step.applyDeletions(kind(), false);
        step.complete("full reconcile");
    }
}
