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

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.m365platform.sync.resource.GraphJson.text;

/**
 * The users' signInActivity, a phase of the users step after the delta round: Graph does not return it on users
 * delta, only on {@code GET /users?$select=id,signInActivity} (AuditLog.Read.All, at most 500 per page). Each page
 * is merged into the stored users and committed with its checkpoint; only users whose state changed are published.
 * Read on full runs, and on incremental runs when the last complete read is older than
 * {@code sync.schedule.sign-in-activity-max-age}. Without AuditLog.Read.All nothing is read (signInActivity stays
 * null).
 */
public final class SignInActivities {

    /** Application (or delegated) permission that lets Graph return signInActivity. */
    public static final String PERMISSION = "AuditLog.Read.All";
    /** Graph's page limit when signInActivity is selected. */
    static final int PAGE_SIZE = 500;
    static final String FIRST_REQUEST = "/users?$select=id,signInActivity&$top=" + PAGE_SIZE;
    /** Checkpoint cursor while the phase reads, and once it read every page. */
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
        if (!started && !due(run)) {
            return;
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
            // Users the delta round did not store (created since) get theirs with the next read.
            Map<String, DirectoryUser> stored = run.engine().jdbc().withConnection(
                    c -> users.load(c, run.connectionId(), read.keySet()));
            PageChanges changes = new PageChanges().fetched(read.size());
            for (Map.Entry<String, DirectoryUser> e : stored.entrySet()) {
                changes.upsert(UserKind.INSTANCE, UserMapper.withSignInActivity(e.getValue(), read.get(e.getKey())));
            }
            String next = page.nextLink().orElse(null);
            if (next == null) {
                Instant now = run.engine().clock().instant();
                changes.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into sign_in_activity_read (connection_id, "
                            + "read_at) values (?, ?) on conflict (connection_id) do update set read_at = excluded.read_at")) {
                        ps.setString(1, run.connectionId());
                        ps.setTimestamp(2, Timestamp.from(now));
                        ps.executeUpdate();
                    }
                });
            }
            step.commit(changes, new Checkpoint(next, next == null ? DONE : PHASE, null), step.status());
            if (next == null) {
                return;
            }
            url = next;
        }
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
