package io.m365platform.sync.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's settings as plain values, so that the engine can be built without CDI (a second "instance" in a
 * test, the benchmark harness). The service fills it from {@link SyncConfig}.
 *
 * @param instanceId          this instance's lease owner name; unique per process
 * @param lease               how long a run's lease lasts without a heartbeat; a crashed instance's run is taken
 *                            over after this
 * @param heartbeat           how often a running run renews its lease (well below {@code lease})
 * @param maxConcurrentRuns   runs this instance executes at the same time
 * @param incrementalInterval time between scheduled incremental runs of a connection
 * @param fullInterval        time between scheduled full runs of a connection
 * @param deltaMaxAge         a delta link older than this is not used: the resource is read in full instead
 * @param pauseDelay          how long a run paused by throttling (out of retries) waits before resuming
 * @param maxAttempts         a run that was paused this many times fails instead of pausing again
 * @param maxDeletionShare    the mass-deletion guard: a run deleting more than this share of a resource's objects
 *                            (users, groups) is held for an operator (0..1)
 * @param minGuardedDeletions deletions below this count never trip the guard (small tenants)
 * @param progressEveryPages  a progress event every this many committed pages
 * @param deletionChunk       deletions applied (published + deleted) per transaction
 * @param graphPageSize       {@code $top} for collections that support it (Graph allows up to 999)
 * @param signInActivityMaxAge incremental runs read users' signInActivity again when the last read is older
 * @param membershipChunk     group memberships published (and stored) per transaction
 */
public record SyncSettings(
        String instanceId,
        Duration lease,
        Duration heartbeat,
        int maxConcurrentRuns,
        Duration incrementalInterval,
        Duration fullInterval,
        Duration deltaMaxAge,
        Duration pauseDelay,
        int maxAttempts,
        double maxDeletionShare,
        int minGuardedDeletions,
        int progressEveryPages,
        int deletionChunk,
        int graphPageSize,
        Duration signInActivityMaxAge,
        int membershipChunk) {

    /** Default for {@link #signInActivityMaxAge}: once a day. */
    public static final Duration DEFAULT_SIGN_IN_ACTIVITY_MAX_AGE = Duration.ofHours(24);
    /** Default for {@link #membershipChunk}. */
    public static final int DEFAULT_MEMBERSHIP_CHUNK = 5000;

    /** Settings with the default sign-in activity age (callers written before that setting existed). */
    public SyncSettings(String instanceId, Duration lease, Duration heartbeat, int maxConcurrentRuns,
                        Duration incrementalInterval, Duration fullInterval, Duration deltaMaxAge, Duration pauseDelay,
                        int maxAttempts, double maxDeletionShare, int minGuardedDeletions, int progressEveryPages,
                        int deletionChunk, int graphPageSize) {
        this(instanceId, lease, heartbeat, maxConcurrentRuns, incrementalInterval, fullInterval, deltaMaxAge,
                pauseDelay, maxAttempts, maxDeletionShare, minGuardedDeletions, progressEveryPages, deletionChunk,
                graphPageSize, DEFAULT_SIGN_IN_ACTIVITY_MAX_AGE, DEFAULT_MEMBERSHIP_CHUNK);
    }

    public SyncSettings {
        signInActivityMaxAge = signInActivityMaxAge == null ? DEFAULT_SIGN_IN_ACTIVITY_MAX_AGE : signInActivityMaxAge;
        if (signInActivityMaxAge.isNegative()) {
            throw new IllegalArgumentException("signInActivityMaxAge must not be negative, was " + signInActivityMaxAge);
        }
        Objects.requireNonNull(instanceId, "instanceId");
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("heartbeat (" + heartbeat + ") must be shorter than the lease (" + lease + ")");
        }
        if (maxDeletionShare < 0 || maxDeletionShare > 1) {
            throw new IllegalArgumentException("maxDeletionShare must be within 0..1, was " + maxDeletionShare);
        }
        if (graphPageSize < 1 || graphPageSize > 999) {
            throw new IllegalArgumentException("graphPageSize must be within 1..999, was " + graphPageSize);
        }
        if (maxConcurrentRuns < 1 || progressEveryPages < 1 || deletionChunk < 1 || maxAttempts < 1
                || membershipChunk < 1) {
            throw new IllegalArgumentException("maxConcurrentRuns, progressEveryPages, deletionChunk, maxAttempts and "
                    + "membershipChunk must be positive");
        }
    }

    public SyncSettings withInstanceId(String id) {
        return new SyncSettings(id, lease, heartbeat, maxConcurrentRuns, incrementalInterval, fullInterval,
                deltaMaxAge, pauseDelay, maxAttempts, maxDeletionShare, minGuardedDeletions, progressEveryPages,
                deletionChunk, graphPageSize, signInActivityMaxAge, membershipChunk);
    }
}
