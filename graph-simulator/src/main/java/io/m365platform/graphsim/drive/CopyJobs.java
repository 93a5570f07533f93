package io.m365platform.graphsim.drive;

import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asynchronous item copies (driveItem: copy answers 202 with a monitor URL). A copy completes {@link #duration()}
 * after it was accepted (simulator clock): the first time the monitor, or any drive request of the tenant, looks
 * at it after that, the items are created — or the copy fails (name conflict with conflictBehavior=fail, source
 * gone). The monitor URL needs no authentication, like OneDrive's.
 */
final class CopyJobs {
    enum Status { IN_PROGRESS, COMPLETED, FAILED }

    /** One accepted copy. Mutable state is guarded by the job's monitor. */
    static final class Job {
        final Tenant tenant;
        final String sourceOwner;
        final String sourceItem;
        final String targetOwner;
        final String targetParent;
        final String name;
        final String conflictBehavior;
        final String actor;
        final Instant accepted;
        final Instant due;
        Status status = Status.IN_PROGRESS;
        String resourceId;
        String errorCode;
        String errorMessage;

        Job(Tenant tenant, String sourceOwner, String sourceItem, String targetOwner, String targetParent, String name,
            String conflictBehavior, String actor, Instant accepted, Instant due) {
            this.tenant = tenant;
            this.sourceOwner = sourceOwner;
            this.sourceItem = sourceItem;
            this.targetOwner = targetOwner;
            this.targetParent = targetParent;
            this.name = name;
            this.conflictBehavior = conflictBehavior;
            this.actor = actor;
            this.accepted = accepted;
            this.due = due;
        }

        /** Share of the duration elapsed, below 100 while in progress. */
        synchronized double percentage(Instant now) {
            if (status != Status.IN_PROGRESS) {
                return 100.0;
            }
            double total = Math.max(1, Duration.between(accepted, due).toMillis());
            double p = Duration.between(accepted, now).toMillis() * 100.0 / total;
            return Math.round(Math.min(99.0, Math.max(0.0, p)) * 10) / 10.0;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile Duration duration = Duration.ofSeconds(1);

    Duration duration() {
        return duration;
    }

    void duration(Duration d) {
        this.duration = d;
    }

    String submit(Job draft) {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        jobs.put(token, draft);
        return token;
    }

    Job find(String token) {
        return jobs.get(token);
    }

    /** Completes every due copy of a tenant. */
    void settle(Tenant t, Instant now) {
        for (Job j : jobs.values()) {
            if (j.tenant == t && !now.isBefore(j.due)) {
                settle(j);
            }
        }
    }

    void settle(Job j) {
        synchronized (j) {
            if (j.status != Status.IN_PROGRESS) {
                return;
            }
            try {
                j.resourceId = perform(j);
                j.status = Status.COMPLETED;
            } catch (CopyFailure f) {
                j.status = Status.FAILED;
                j.errorCode = f.code;
                j.errorMessage = f.getMessage();
            }
        }
    }

    private static final class CopyFailure extends RuntimeException {
        final String code;

        CopyFailure(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private static String perform(Job j) {
        Tenant t = j.tenant;
        return t.write(() -> {
            DriveState state = DriveState.of(t);
            User sourceUser = t.userTable().get(j.sourceOwner);
            User targetUser = t.userTable().get(j.targetOwner);
            if (sourceUser == null || targetUser == null) {
                throw new CopyFailure("itemNotFound", "The source or target drive no longer exists.");
            }
            Drive source = state.drive(sourceUser);
            Drive target = j.sourceOwner.equals(j.targetOwner) ? source : state.drive(targetUser);
            DriveItem item = source.item(j.sourceItem);
            DriveItem parent = target.item(j.targetParent);
            if (item == null || parent == null || !parent.folder()) {
                throw new CopyFailure("itemNotFound", "The item to copy or the target folder no longer exists.");
            }
            Instant now = t.now();
            String name = j.name != null ? j.name : item.name();
            List<String> removed = new ArrayList<>();
            DriveItem existing = target.child(parent.id(), name);
            if (existing != null) {
                switch (j.conflictBehavior) {
                    case "replace" -> removed.addAll(target.subtree(existing.id()));
                    case "rename" -> name = freeName(target, parent.id(), name);
                    default -> throw new CopyFailure("nameAlreadyExists", "The specified item name already exists. Copy " + name);
                }
            }
            SplittableRandom r = new SplittableRandom(now.toEpochMilli() ^ j.sourceItem.hashCode() * 31L ^ j.targetParent.hashCode());
            Map<String, DriveItem> created = new HashMap<>();
            Map<String, String> newIds = new HashMap<>();
            for (String id : source.subtree(item.id())) {
                DriveItem old = source.item(id);
                String newId = DriveIds.itemId(r);
                newIds.put(id, newId);
                String newParent = id.equals(item.id()) ? parent.id() : newIds.get(old.parentId());
                created.put(newId, old.copyAs(newId, newParent, id.equals(item.id()) ? name : old.name(), now, j.actor));
            }
            state.put(target.with(created, removed));
            t.nextSeq();
            return newIds.get(item.id());
        });
    }

    /** "Report.docx" → "Report 1.docx", "Report 2.docx", … (OneDrive's rename behaviour). */
    static String freeName(Drive d, String parentId, String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            String candidate = stem + " " + n + ext;
            if (d.child(parentId, candidate) == null) {
                return candidate;
            }
        }
    }

    static boolean validName(String name) {
        return !name.isBlank() && name.length() <= 400 && !name.matches(".*[\"*:<>?/\\\\|].*") && !name.endsWith(".")
                && !name.toLowerCase(Locale.ROOT).equals("desktop.ini");
    }
}
