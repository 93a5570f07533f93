package io.m365platform.sync.run;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.contracts.WireName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs in {@code sync.run}. Lease times are computed by the database ({@code now()}) so that instances with
 * different clocks agree on when a lease expired.
 */
public class RunRepository {

    private static final String COLUMNS = "run_id, connection_id, tenant_id, mode, trigger, request_id, requested_by, "
            + "reason, resources, status, error_code, status_reason, requested_at, started_at, finished_at, "
            + "lease_owner, lease_expires_at, resume_after, attempts, graph_requests, throttled_responses, pages, "
            + "held_resource, deletions_confirmed_by, deletions_confirmed_at";

    private final Jdbc jdbc;

    public RunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a new queued run unless the connection already has an active one (or the request id was seen
     * before): then that run is returned and {@code created} is false.
     */
    public Enqueued enqueue(NewRun run) {
        return jdbc.inTransaction(c -> {
            if (run.requestId() != null) {
                Optional<Run> seen = findByRequestId(c, run.requestId());
                if (seen.isPresent()) {
                    return new Enqueued(seen.get(), false);
                }
            }
            Optional<Run> active = findActive(c, run.connectionId());
            if (active.isPresent()) {
                return new Enqueued(active.get(), false);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into run (run_id, connection_id, tenant_id, mode, "
                    + "trigger, request_id, requested_by, reason, resources, status, requested_at, lease_owner, "
                    + "lease_expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', now(), ?, "
                    + "now() + ? * interval '1 millisecond') on conflict do nothing")) {
                ps.setObject(1, run.runId());
                ps.setString(2, run.connectionId());
                ps.setString(3, run.tenantId());
                ps.setString(4, run.mode().wireName());
                ps.setString(5, run.trigger().wireName());
                ps.setString(6, run.requestId());
                ps.setString(7, run.requestedBy());
                ps.setString(8, run.reason());
                ps.setArray(9, c.createArrayOf("text", WireName.wireNames(run.resources())));
                ps.setString(10, run.leaseOwner());
                ps.setLong(11, run.leaseOwner() == null ? 0 : run.initialLease().toMillis());
                if (ps.executeUpdate() == 0) {
                    // Lost a race with another instance creating an active run for the same connection.
                    Optional<Run> winner = findActive(c, run.connectionId());
                    if (winner.isPresent()) {
                        return new Enqueued(winner.get(), false);
                    }
                    throw new IllegalStateException("run " + run.runId() + " was neither inserted nor found");
                }
            }
            return new Enqueued(find(c, run.runId()).orElseThrow(), true);
        });
    }

    public Optional<Run> find(UUID runId) {
        return jdbc.withConnection(c -> find(c, runId));
    }

    public Optional<Run> findActive(String connectionId) {
        return jdbc.withConnection(c -> findActive(c, connectionId));
    }

    /** Runs of a connection, newest first; {@code before} is the requested-at/run-id cursor of the last page. */
    public List<Run> listByConnection(String connectionId, int limit, RunCursor before) {
        String sql = "select " + COLUMNS + " from run where connection_id = ?"
                + (before == null ? "" : " and (requested_at, run_id) < (?, ?)")
                + " order by requested_at desc, run_id desc limit ?";
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, connectionId);
                if (before != null) {
                    ps.setTimestamp(i++, Timestamp.from(before.requestedAt()));
                    ps.setObject(i++, before.runId());
                }
                ps.setInt(i, limit);
                return readAll(ps);
            }
        });
    }

    /**
     * Takes the lease of a run that is queued, running with an expired lease (its instance died), or paused and
     * due. Returns the run as claimed (status running), or empty if another instance holds it or it is not due.
     */
    public Optional<Run> claim(UUID runId, String owner, Duration lease) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update run set status = 'running', lease_owner = ?, "
                    + "lease_expires_at = now() + ? * interval '1 millisecond', attempts = attempts + 1, "
                    + "started_at = coalesce(started_at, now()), resume_after = null "
                    + "where run_id = ? and status in ('queued', 'running', 'paused') "
                    + "and (lease_owner is null or lease_owner = ? or lease_expires_at < now()) "
                    + "and (resume_after is null or resume_after <= now())")) {
                ps.setString(1, owner);
                ps.setLong(2, lease.toMillis());
                ps.setObject(3, runId);
                ps.setString(4, owner);
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return find(c, runId);
        });
    }

    /** Extends the lease; false means this instance lost it (another instance took the run over). */
    public boolean renewLease(UUID runId, String owner, Duration lease) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("update run set lease_expires_at = now() + ? * interval "
                    + "'1 millisecond' where run_id = ? and lease_owner = ? and status = 'running'")) {
                ps.setLong(1, lease.toMillis());
                ps.setObject(2, runId);
                ps.setString(3, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ids of runs any instance may take now: queued or running with an expired (or no) lease, paused and due.
     * Oldest first.
     */
    public List<UUID> claimable(int limit) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select run_id from run "
                    + "where status in ('queued', 'running', 'paused') "
                    + "and (lease_owner is null or lease_expires_at < now()) "
                    + "and (resume_after is null or resume_after <= now()) order by requested_at limit ?")) {
                ps.setInt(1, limit);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    /** Adds Graph request counters; part of a page's transaction. */
    public void addCounters(Connection c, UUID runId, long graphRequests, long throttled, long pages)
            throws SQLException {
        if (graphRequests == 0 && throttled == 0 && pages == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update run set graph_requests = graph_requests + ?, "
                + "throttled_responses = throttled_responses + ?, pages = pages + ? where run_id = ?")) {
            ps.setLong(1, graphRequests);
            ps.setLong(2, throttled);
            ps.setLong(3, pages);
            ps.setObject(4, runId);
            ps.executeUpdate();
        }
    }

    /**
     * Fencing check inside a page's transaction: locks the run row and confirms this instance still holds the
     * lease, so that an instance whose lease was taken over can never commit a page after the new owner did.
     */
    public boolean holdsLease(Connection c, UUID runId, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from run where run_id = ? and lease_owner = ? and status = 'running' for update")) {
            ps.setObject(1, runId);
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Running → paused until {@code resumeAfter}; the lease is released so that any instance can resume it. */
    public boolean pause(UUID runId, String owner, Instant resumeAfter, String errorCode, String reason) {
        return transition(runId, owner, "update run set status = 'paused', lease_owner = null, lease_expires_at = null, "
                + "resume_after = ?, error_code = ?, status_reason = ? where run_id = ? and lease_owner = ? "
                + "and status = 'running'", Timestamp.from(resumeAfter), errorCode, reason);
    }

    /** Running → held by the mass-deletion guard on {@code resource}; an earlier confirmation is used up. */
    public boolean hold(UUID runId, String owner, SyncResource resource, String reason) {
        return transition(runId, owner, "update run set status = 'held', lease_owner = null, lease_expires_at = null, "
                + "error_code = 'mass-deletion', status_reason = ?, held_resource = ?, deletions_confirmed_by = null, "
                + "deletions_confirmed_at = null where run_id = ? and lease_owner = ? and status = 'running'",
                reason, resource.wireName());
    }

    public boolean complete(UUID runId, String owner) {
        return transition(runId, owner, "update run set status = 'completed', lease_owner = null, "
                + "lease_expires_at = null, finished_at = now(), error_code = null, status_reason = null "
                + "where run_id = ? and lease_owner = ? and status = 'running'");
    }

    public boolean fail(UUID runId, String owner, String errorCode, String reason) {
        return transition(runId, owner, "update run set status = 'failed', lease_owner = null, "
                + "lease_expires_at = null, finished_at = now(), error_code = ?, status_reason = ? "
                + "where run_id = ? and lease_owner = ? and status = 'running'", errorCode, reason);
    }

    /** Releases the lease of a run this instance is shutting down on, so another can resume it at once. */
    public boolean release(UUID runId, String owner) {
        return transition(runId, owner, "update run set lease_owner = null, lease_expires_at = null "
                + "where run_id = ? and lease_owner = ? and status = 'running'");
    }

    /** Held → queued with the deletions confirmed; false if the run is not held. */
    public boolean confirmDeletions(UUID runId, String confirmedBy) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("update run set status = 'queued', "
                    + "deletions_confirmed_by = ?, deletions_confirmed_at = now(), error_code = null, "
                    + "status_reason = null where run_id = ? and status = 'held'")) {
                ps.setString(1, confirmedBy);
                ps.setObject(2, runId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Cancels an active run that no instance is working on right now (held, paused, queued), or any if forced. */
    public boolean cancel(UUID runId, String reason, boolean evenIfRunning) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("update run set status = 'cancelled', lease_owner = null, "
                    + "lease_expires_at = null, finished_at = now(), status_reason = ? where run_id = ? and status in "
                    + (evenIfRunning ? "('queued', 'running', 'paused', 'held')" : "('queued', 'paused', 'held')"))) {
                ps.setString(1, reason);
                ps.setObject(2, runId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private boolean transition(UUID runId, String owner, String sql, Object... leading) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object value : leading) {
                    ps.setObject(i++, value);
                }
                ps.setObject(i++, runId);
                ps.setString(i, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private Optional<Run> find(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from run where run_id = ?")) {
            ps.setObject(1, runId);
            return readAll(ps).stream().findFirst();
        }
    }

    private Optional<Run> findActive(Connection c, String connectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from run where connection_id = ? "
                + "and status in ('queued', 'running', 'paused', 'held')")) {
            ps.setString(1, connectionId);
            return readAll(ps).stream().findFirst();
        }
    }

    private Optional<Run> findByRequestId(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from run where request_id = ?")) {
            ps.setString(1, requestId);
            return readAll(ps).stream().findFirst();
        }
    }

    private static List<Run> readAll(PreparedStatement ps) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                runs.add(read(rs));
            }
        }
        return runs;
    }

    private static Run read(ResultSet rs) throws SQLException {
        return new Run(
                rs.getObject("run_id", UUID.class),
                rs.getString("connection_id"),
                rs.getString("tenant_id"),
                WireName.parse(RunMode.class, rs.getString("mode")),
                WireName.parse(SyncTrigger.class, rs.getString("trigger")),
                rs.getString("request_id"),
                rs.getString("requested_by"),
                rs.getString("reason"),
                WireName.parseAll(SyncResource.class, (String[]) rs.getArray("resources").getArray()),
                WireName.parse(RunStatus.class, rs.getString("status")),
                rs.getString("error_code"),
                rs.getString("status_reason"),
                instant(rs, "requested_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("lease_owner"),
                instant(rs, "lease_expires_at"),
                instant(rs, "resume_after"),
                rs.getInt("attempts"),
                rs.getLong("graph_requests"),
                rs.getLong("throttled_responses"),
                rs.getLong("pages"),
                rs.getString("held_resource") == null ? null : WireName.parse(SyncResource.class, rs.getString("held_resource")),
                rs.getString("deletions_confirmed_by"),
                instant(rs, "deletions_confirmed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** What the caller asks for; the repository fills in status and times. */
    public record NewRun(UUID runId, String connectionId, String tenantId, RunMode mode, SyncTrigger trigger,
                         String requestId, String requestedBy, String reason, List<SyncResource> resources,
                         String leaseOwner, Duration initialLease) {
    }

    public record Enqueued(Run run, boolean created) {
    }

    /** Position in a newest-first run listing. */
    public record RunCursor(Instant requestedAt, UUID runId) {
    }
}
