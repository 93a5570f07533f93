package io.m365platform.sync.resource.users;

import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.SignInActivity;
import io.m365platform.graph.paging.Page;
import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.engine.RunScope;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.RunMode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.m365platform.sync.resource.GraphJson.text;

/**
 * The users' signInActivity, the first phase of the users step: Graph does not return it on users delta, only on
 * {@code GET /users?$select=id,signInActivity} (AuditLog.Read.All, at most 500 per page). Each page is kept in
 * {@code user_sign_in_activity} and merged into the users already stored (only those whose state changed are
 * published), committed with its checkpoint; the delta round that follows completes every user it reads from that
 * table ({@link #completion}), so a new user is published once, with its sign-in activity. Read on full runs, and on
 * incremental runs when the last complete read is older than {@code sync.schedule.sign-in-activity-max-age}.
 * Without AuditLog.Read.All nothing is read (signInActivity stays null).
 */
public final class SignInActivities {

    /** Application (or delegated) permission that lets Graph return signInActivity. */
    public static final String PERMISSION = "AuditLog.Read.All";
    /** Graph's page limit when signInActivity is selected. */
    static final int PAGE_SIZE = 500;
    static final String FIRST_REQUEST = "/users?$select=id,signInActivity&$top=" + PAGE_SIZE;
    /** Checkpoint cursor while the phase reads, and once it read every page (kept while the delta round reads). */
    static final String PHASE = "sign-in-activity";
    static final String DONE = "sign-in-activity-read";

    private SignInActivities() {
    }

    public static boolean granted(RunScope run) {
        return run.grantedPermissions().contains(PERMISSION);
    }

    /** Reads (or continues reading) the sign-in activity when this run should; idempotent on resume. */
    public static void readIfDue(StepScope step) {
        RunScope run = step.run();
        if (!granted(run)) {
            return;
        }
        Checkpoint at = step.checkpoint();
        if (DONE.equals(at.cursor())) {
            return;
        }
        boolean started = PHASE.equals(at.cursor());
        if (!started && (at.nextLink() != null || !due(run))) {
            return; // not due, or the delta round is under way already (a resumed step)
        }
        String url = started && at.nextLink() != null ? at.nextLink() : FIRST_REQUEST;
        EntityStore<DirectoryUser> users = run.engine().catalog().store(UserKind.INSTANCE);
        while (true) {
            run.checkNotStopped();
            Map<String, SignInActivity> read = new LinkedHashMap<>();
            Page page = run.graph().collections().readPage(url, Map.of(), item -> {
                String id = text(item, "id");
                if (id != null) {
                    read.put(id, UserMapper.signInActivity(item));
                }
            });
            Map<String, DirectoryUser> stored = run.engine().jdbc().withConnection(
                    c -> users.load(c, run.connectionId(), read.keySet()));
            PageChanges changes = new PageChanges().fetched(read.size());
            for (Map.Entry<String, DirectoryUser> e : stored.entrySet()) {
                changes.upsert(UserKind.INSTANCE, UserMapper.withSignInActivity(e.getValue(), read.get(e.getKey())));
            }
            changes.write(c -> keep(c, run.connectionId(), run.runId(), read));
            String next = page.nextLink().orElse(null);
            if (next == null) {
                Instant now = run.engine().clock().instant();
                changes.write(c -> finish(c, run.connectionId(), run.runId(), now));
            }
            step.commit(changes, new Checkpoint(next, next == null ? DONE : PHASE, null), step.status());
            if (next == null) {
                return;
            }
            url = next;
        }
    }

    /**
     * The {@link PageChanges.Completion} of a connection's users pages: each user gets the sign-in activity the last
     * read kept for it (null when there is none: a user created since).
     */
    static PageChanges.Completion<DirectoryUser> completion(String connectionId) {
        return (c, userIds) -> {
            Map<String, SignInActivity> kept = new HashMap<>(userIds.size() * 2);
            try (PreparedStatement ps = c.prepareStatement("select user_id, last_sign_in_date_time, "
                    + "last_non_interactive_sign_in_date_time, last_successful_sign_in_date_time "
                    + "from user_sign_in_activity where connection_id = ? and user_id = any(?)")) {
                ps.setString(1, connectionId);
                ps.setArray(2, c.createArrayOf("text", userIds.toArray(String[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        kept.put(rs.getString(1), new SignInActivity(instant(rs, 2), instant(rs, 3), instant(rs, 4)));
                    }
                }
            }
            return (id, user) -> UserMapper.withSignInActivity(user, kept.get(id));
        };
    }

    private static void keep(Connection c, String connectionId, UUID runId, Map<String, SignInActivity> read)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into user_sign_in_activity (connection_id, user_id, "
                + "last_sign_in_date_time, last_non_interactive_sign_in_date_time, last_successful_sign_in_date_time, "
                + "read_run) values (?, ?, ?, ?, ?, ?) on conflict (connection_id, user_id) do update set "
                + "last_sign_in_date_time = excluded.last_sign_in_date_time, "
                + "last_non_interactive_sign_in_date_time = excluded.last_non_interactive_sign_in_date_time, "
                + "last_successful_sign_in_date_time = excluded.last_successful_sign_in_date_time, "
                + "read_run = excluded.read_run")) {
            for (Map.Entry<String, SignInActivity> e : read.entrySet()) {
                SignInActivity a = e.getValue();
                ps.setString(1, connectionId);
                ps.setString(2, e.getKey());
                timestamp(ps, 3, a == null ? null : a.lastSignInDateTime());
                timestamp(ps, 4, a == null ? null : a.lastNonInteractiveSignInDateTime());
                timestamp(ps, 5, a == null ? null : a.lastSuccessfulSignInDateTime());
                ps.setObject(6, runId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** After the last page: forget users the read no longer listed, and note when the read was complete. */
    private static void finish(Connection c, String connectionId, UUID runId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from user_sign_in_activity where connection_id = ? "
                + "and read_run <> ?")) {
            ps.setString(1, connectionId);
            ps.setObject(2, runId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into sign_in_activity_read (connection_id, read_at) "
                + "values (?, ?) on conflict (connection_id) do update set read_at = excluded.read_at")) {
            ps.setString(1, connectionId);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    private static void timestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Full runs always; incremental runs when the last complete read is missing or older than the setting. */
    static boolean due(RunScope run) {
        if (run.run().mode() == RunMode.FULL) {
            return true;
        }
        Optional<Instant> last = lastRead(run);
        Duration maxAge = run.engine().settings().signInActivityMaxAge();
        return last.isEmpty() || Duration.between(last.get(), run.engine().clock().instant()).compareTo(maxAge) >= 0;
    }

    static Optional<Instant> lastRead(RunScope run) {
        return run.engine().jdbc().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select read_at from sign_in_activity_read "
                    + "where connection_id = ?")) {
                ps.setString(1, run.connectionId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
                }
            }
        });
    }
}
