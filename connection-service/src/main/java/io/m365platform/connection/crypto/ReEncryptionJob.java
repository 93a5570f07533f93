package io.m365platform.connection.crypto;

import io.m365platform.connection.store.SealedCredentialStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After a key rotation (a new primary key in the keyset), moves every stored credential onto the primary key:
 * open with the old key, seal with the new one, replace only if nobody changed the row meanwhile. When no
 * credential is left on an old key, the old key can be removed from the keyset.
 */
@ApplicationScoped
public class ReEncryptionJob {

    private static final Logger LOG = Logger.getLogger(ReEncryptionJob.class);
    private static final int BATCH = 100;

    private final SecretSealer sealer;
    private final SealedCredentialStore store;
    private final Clock clock;

    public ReEncryptionJob(SecretSealer sealer, SealedCredentialStore store, Clock clock) {
        this.sealer = sealer;
        this.store = store;
        this.clock = clock;
    }

    /**
     * What a run did and what is left.
     *
     * @param reEncrypted   credentials moved to the primary key
     * @param failed        credentials no configured key could open (their key was removed too early)
     * @param primaryKeyId  the key everything should be on
     * @param credentialsByKey how many credentials each key protects after the run
     */
    public record Result(int reEncrypted, int failed, long primaryKeyId, Map<Long, Integer> credentialsByKey) {
    }

    @Scheduled(every = "${connection.crypto.re-encrypt-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result r = run();
        if (r.reEncrypted() > 0 || r.failed() > 0) {
            LOG.infof("Re-encryption: %d credential(s) moved to key %d, %d unreadable", r.reEncrypted(),
                    r.primaryKeyId(), r.failed());
        }
    }

    public synchronized Result run() {
        long primary = sealer.primaryKeyId();
        int moved = 0;
        int failed = 0;
        Optional<SecretSlot> after = Optional.empty();
        while (true) {
            List<SealedCredentialStore.Stored> batch = store.sealedWithOtherKey(primary, after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (SealedCredentialStore.Stored stored : batch) {
                try {
                    String plain = sealer.open(stored.sealed(), stored.slot());
                    SealedSecret resealed = sealer.seal(plain, stored.slot());
                    boolean replaced = QuarkusTransaction.requiringNew().call(() ->
                            store.replaceIfUnchanged(stored.slot(), stored.sealed(), resealed, clock.instant()));
                    if (replaced) {
                        moved++;
                    }
                } catch (SecretSealer.UnreadableSecretException e) {
                    failed++;
                    LOG.errorf("Re-encryption: %s", e.getMessage());
                }
            }
            after = Optional.of(batch.get(batch.size() - 1).slot());
        }
        return new Result(moved, failed, primary, store.countByKey());
    }
}
