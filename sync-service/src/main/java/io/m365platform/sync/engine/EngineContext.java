package io.m365platform.sync.engine;

import io.m365platform.graph.request.GraphAccess;
import io.m365platform.sync.config.SyncSettings;
import io.m365platform.sync.connection.ConnectionRepository;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.sync.entity.EntityCatalog;
import io.m365platform.sync.publish.EventSink;
import io.m365platform.sync.run.DeltaLinks;
import io.m365platform.sync.run.PendingDeletions;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.StepRepository;

import java.time.Clock;

/**
 * The collaborators a run needs, built once per instance. Plain objects (no CDI) so that tests and the benchmark can
 * assemble an engine of their own, e.g. a second "instance" that crashes mid-run.
 */
public record EngineContext(
        SyncSettings settings,
        Jdbc jdbc,
        ConnectionRepository connections,
        RunRepository runs,
        StepRepository steps,
        PendingDeletions pending,
        DeltaLinks deltaLinks,
        EntityCatalog catalog,
        EventSink sink,
        GraphAccessFactory graph,
        Clock clock) {

    /** Graph access for one run of a connection (its own counters, tokens for that connection). */
    @FunctionalInterface
    public interface GraphAccessFactory {
        GraphAccess forConnection(String connectionId, String tenantId);
    }
}
