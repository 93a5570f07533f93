package io.m365platform.sync.engine.pipeline;

import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.StepStatus;

/** The two halves of a page's commit, which {@link OrderedCommits} overlaps with the reading of the next pages. */
public interface PageWriter<P extends PageWriter.Prepared> {

    /** Compares the page with what is stored and sends its events; reads only, writes nothing. */
    P prepare(PageChanges changes);

    /**
     * Writes the page's rows, checkpoint and status in one transaction.
     *
     * @param previous waits for the page before (whose write is still running) and throws if it failed; null: that
     *                 page is already written
     */
    void write(P page, Checkpoint after, StepStatus status, Runnable previous);

    /** Throws when the run was asked to stop (checked between pages). */
    void checkNotStopped();

    /** A prepared page, as the pipeline sees it. */
    interface Prepared {
        /** Whether {@code next} names an object this page writes: it must then wait until this page committed. */
        boolean overlaps(PageChanges next);

        /** Whether the page writes only entity rows (no SQL of its own): it may be written alongside another such. */
        boolean writesOnlyEntities();
    }
}
