package io.m365platform.sync.engine;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.run.RunMode;

import java.util.List;

/**
 * Reads one resource of a tenant into the synced state. Implementations compose the {@link StepScope}'s operations
 * and must be resumable: called again on a step with a checkpoint (or with reading finished), they continue from
 * there.
 */
public interface ResourceSync {

    SyncResource resource();

    /** Resources whose objects this step produces too (license assignments come with users). */
    default List<SyncResource> companions() {
        return List.of();
    }

    /** Graph permissions any one of which allows reading this resource (application or delegated). */
    List<String> permissions();

    /** Whether runs of this mode read the resource for this connection (e.g. Teams only for Teams connections). */
    boolean appliesTo(RunMode mode, KnownConnection connection);

    void sync(StepScope step);
}
