package io.m365platform.graphsim.mail;

import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mailboxes of one tenant. A mailbox nobody changed is generated on the fly from the tenant seed and the user
 * ({@link MailboxGenerator}); only changed mailboxes are stored, so a million-user tenant costs nothing until
 * touched. Accounts created after the tenant was seeded start with default settings and no rules.
 * Guarded by the tenant's lock.
 */
final class MailboxState {
    private final long seed;
    private final Instant seededBefore;
    private final Map<String, Mailbox> stored = new HashMap<>();

    MailboxState(long seed, Instant seededBefore) {
        this.seed = seed;
        this.seededBefore = seededBefore;
    }

    static MailboxState of(Tenant t) {
        return t.extension(MailboxState.class, x -> new MailboxState(x.seed(), x.now()));
    }

    Instant seededBefore() {
        return seededBefore;
    }

    /** Inside Tenant.read. */
    Mailbox mailbox(Tenant t, User u) {
        Mailbox m = stored.get(u.id());
        if (m != null) {
            return m;
        }
        boolean seeded = u.createdDateTime() == null || u.createdDateTime().isBefore(seededBefore);
        return MailboxGenerator.generate(t, seed, u, seeded, java.time.LocalDate.ofInstant(seededBefore, java.time.ZoneOffset.UTC));
    }

    /** Id of the n-th rule a user creates (Exchange-style short base64). */
    String ruleId(User u, long n) {
        return MailboxGenerator.ruleId(seed, u, n);
    }

    /** Inside Tenant.write. */
    void put(String userId, Mailbox m) {
        stored.put(userId, m);
    }

    /** Changed mailboxes (fixture export), inside Tenant.read. */
    Map<String, Mailbox> stored() {
        return new TreeMap<>(stored);
    }
}
