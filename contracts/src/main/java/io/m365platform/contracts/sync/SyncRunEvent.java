package io.m365platform.contracts.sync;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

/**
 * An event of one sync run on {@code m365.sync.runs}. Keyed by connection so that the runs of one connection
 * stay in order; the subject names the run.
 */
public interface SyncRunEvent extends PlatformEvent {

    /** Id of the run, the same on every event of that run. */
    String syncRunId();

    @Override
    @JsonIgnore
    default String kafkaKey() {
        return EventKey.of(connectionId());
    }

    @Override
    @JsonIgnore
    default String subject() {
        return EventKey.of(connectionId(), syncRunId());
    }
}
