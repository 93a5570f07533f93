package io.m365platform.sync.engine.pipeline;

import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.StepStatus;

import java.util.concurrent.Callable;

/**
 * Changes to commit (a Graph page's, or a chunk of derived rows) with the checkpoint and step status after them.
 * {@code next} produces the chunk after this one (null: this is the last; a null result: there was no more).
 */
public record Chunk(PageChanges changes, Checkpoint after, StepStatus status, Callable<Chunk> next) {
}
