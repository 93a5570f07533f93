package io.m365platform.sync.engine;

import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.throttle.GraphCallStats;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.lookup.FirstSyncTables;
import io.m365platform.sync.engine.lookup.StoredObjects;
import io.m365platform.sync.entity.EventContext;
import io.m365platform.sync.run.Run;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** One claimed run on this instance: the run, its connection, its Graph access and its fencing identity. */
public final class RunScope {

    private final EngineContext engine;
    private final Run run;
    private final KnownConnection connection;
    private final GraphAccess graph;
    private final String owner;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile String stopReason;
    private volatile boolean releaseOnStop;
    private GraphCallStats.Snapshot accounted;
    private final java.util.Set<String> pendingKinds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private long pagesCommitted;
    private final FirstSyncTables firstSyncTables;

    public RunScope(EngineContext engine, Run run, KnownConnection connection, GraphAccess graph, String owner) {
        this.engine = engine;
        this.run = run;
        this.connection = connection;
        this.graph = graph;
        this.owner = owner;
        this.accounted = graph.stats().snapshot();
        this.firstSyncTables = new FirstSyncTables(run.connectionId());
    }

    public EngineContext engine() {
        return engine;
    }

    public Run run() {
        return run;
    }

    public UUID runId() {
        return run.runId();
    }

    public String connectionId() {
        return run.connectionId();
    }

    public String tenantId() {
        return run.tenantId();
    }

    public KnownConnection connection() {
        return connection;
    }

    public GraphAccess graph() {
        return graph;
    }

    public String owner() {
        return owner;
    }

    public Set<String> grantedPermissions() {
        return connection.grantedPermissions();
    }

    /**
     * Whether this run may hold pending deletions of a kind: it queued some on this instance, or it was started
     * before (a resumed run: whatever an earlier attempt queued is unknown here).
     */
    public boolean mayHavePending(String kind) {
        return run.attempts() > 1 || pendingKinds.contains(kind);
    }

    void pendingAdded(String kind) {
        pendingKinds.add(kind);
    }

    /**
     * What may be stored in one of the connection's tables ({@link StoredObjects}: on a first sync of the table,
     * only what this run wrote), so that look-ups can be skipped.
     */
    public StoredObjects storedObjects(java.sql.Connection c, String table) throws java.sql.SQLException {
        return firstSyncTables.of(c, table);
    }

    /** Event metadata stamped now. */
    public EventContext eventContext() {
        return new EventContext(connectionId(), tenantId(), runId().toString(), engine.clock().instant());
    }

    /** Graph traffic since the last call, to be added to the run's counters with the page that caused it. */
    synchronized GraphCallStats.Snapshot takeGraphTraffic() {
        GraphCallStats.Snapshot now = graph.stats().snapshot();
        GraphCallStats.Snapshot delta = now.minus(accounted);
        accounted = now;
        return delta;
    }

    synchronized long pageCommitted() {
        return ++pagesCommitted;
    }

    /** Asks the run to stop at the next page boundary (lease lost, cancelled, instance stopping). */
    public void requestStop(String reason) {
        requestStop(reason, false);
    }

    /** As {@link #requestStop(String)}; {@code release} hands the lease back so another instance resumes at once. */
    public void requestStop(String reason, boolean release) {
        stopReason = reason;
        releaseOnStop = release;
        stopRequested.set(true);
    }

    public boolean stopRequested() {
        return stopRequested.get();
    }

    boolean releaseOnStop() {
        return releaseOnStop;
    }

    /** Throws when a stop was requested; called between pages. */
    public void checkNotStopped() {
        if (stopRequested.get()) {
            throw new RunStoppedException(stopReason);
        }
    }
}
