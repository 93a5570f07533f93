package io.m365platform.sync.run;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.contracts.WireName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The per-resource rows of a run ({@code sync.run_step}): plan, status, counters, checkpoint. */
public class StepRepository {

    private static final String COLUMNS = "run_id, resource, position, status, method, next_link, cursor, "
            + "new_delta_link, pages, fetched, created, updated, unchanged, deleted, message, started_at, finished_at";

    private final Jdbc jdbc;

    public StepRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the plan of a run once; a resumed run keeps the steps (and checkpoints) it has. */
    public List<RunStep> planOnce(UUID runId, List<PlannedStep> plan) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into run_step (run_id, resource, position, "
                    + "status, message) values (?, ?, ?, ?, ?) on conflict do nothing")) {
                int position = 0;
                for (PlannedStep step : plan) {
                    ps.setObject(1, runId);
                    ps.setString(2, step.resource().wireName());
                    ps.setInt(3, position++);
                    ps.setString(4, step.status().wireName());
                    ps.setString(5, step.message());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return steps(c, runId);
        });
    }

    public List<RunStep> steps(UUID runId) {
        return jdbc.withConnection(c -> steps(c, runId));
    }

    public List<RunStep> steps(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                + " from run_step where run_id = ? order by position")) {
            ps.setObject(1, runId);
            List<RunStep> steps = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(read(rs));
                }
            }
            return steps;
        }
    }

    /** Sets status, method and message (and the start/finish time that goes with the status). */
    public void setStatus(Connection c, UUID runId, SyncResource resource, StepStatus status, String method,
                          String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update run_step set status = ?, "
                + "method = coalesce(?, method), message = ?, "
                + "started_at = case when ? = 'running' then coalesce(started_at, now()) else started_at end, "
                + "finished_at = case when ? in ('completed', 'skipped', 'failed') then now() else null end "
                + "where run_id = ? and resource = ?")) {
            ps.setString(1, status.wireName());
            ps.setString(2, method);
            ps.setString(3, message);
            ps.setString(4, status.wireName());
            ps.setString(5, status.wireName());
            ps.setObject(6, runId);
            ps.setString(7, resource.wireName());
            ps.executeUpdate();
        }
    }

    public void setStatus(UUID runId, SyncResource resource, StepStatus status, String method, String message) {
        jdbc.inTransactionVoid(c -> setStatus(c, runId, resource, status, method, message));
    }

    /**
     * Saves a page's checkpoint in the page's transaction. {@code nextLink}/{@code cursor} replace the stored ones
     * (null clears them); {@code newDeltaLink} is kept unless a new one is given.
     */
    public void checkpoint(Connection c, UUID runId, SyncResource resource, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update run_step set next_link = ?, cursor = ?, "
                + "new_delta_link = coalesce(?, new_delta_link) where run_id = ? and resource = ?")) {
            ps.setString(1, checkpoint.nextLink());
            ps.setString(2, checkpoint.cursor());
            ps.setString(3, checkpoint.newDeltaLink());
            ps.setObject(4, runId);
            ps.setString(5, resource.wireName());
            ps.executeUpdate();
        }
    }

    /** Adds a page's counters to a step (the step's own, or a companion's such as license assignments). */
    public void addCounts(Connection c, UUID runId, SyncResource resource, PageCounts counts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update run_step set pages = pages + ?, fetched = fetched + ?, "
                + "created = created + ?, updated = updated + ?, unchanged = unchanged + ?, deleted = deleted + ? "
                + "where run_id = ? and resource = ?")) {
            ps.setLong(1, counts.pages());
            ps.setLong(2, counts.fetched());
            ps.setLong(3, counts.created());
            ps.setLong(4, counts.updated());
            ps.setLong(5, counts.unchanged());
            ps.setLong(6, counts.deleted());
            ps.setObject(7, runId);
            ps.setString(8, resource.wireName());
            ps.executeUpdate();
        }
    }

    /** Restarts a step from scratch with another method (e.g. the delta link expired: read in full). */
    public void restart(Connection c, UUID runId, SyncResource resource, String method) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update run_step set status = 'running', method = ?, "
                + "next_link = null, cursor = null, new_delta_link = null where run_id = ? and resource = ?")) {
            ps.setString(1, method);
            ps.setObject(2, runId);
            ps.setString(3, resource.wireName());
            ps.executeUpdate();
        }
    }

    private static RunStep read(ResultSet rs) throws SQLException {
        return new RunStep(
                rs.getObject("run_id", UUID.class),
                WireName.parse(SyncResource.class, rs.getString("resource")),
                rs.getInt("position"),
                WireName.parse(StepStatus.class, rs.getString("status")),
                rs.getString("method"),
                rs.getString("next_link"),
                rs.getString("cursor"),
                rs.getString("new_delta_link"),
                rs.getLong("pages"),
                rs.getLong("fetched"),
                rs.getLong("created"),
                rs.getLong("updated"),
                rs.getLong("unchanged"),
                rs.getLong("deleted"),
                rs.getString("message"),
                RunRepository.instant(rs, "started_at"),
                RunRepository.instant(rs, "finished_at"));
    }

    /** A resource the run will read (status pending), or skip (status skipped, message says why). */
    public record PlannedStep(SyncResource resource, StepStatus status, String message) {
    }
}
