package io.m365platform.connection.service;

import io.m365platform.connection.capability.CapabilityTable;
import io.m365platform.connection.check.ConnectionTester;
import io.m365platform.connection.check.TestReport;
import io.m365platform.connection.credentials.CredentialVault;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.Health;
import io.m365platform.connection.domain.SecretExpiry;
import io.m365platform.connection.events.ConnectionEvents;
import io.m365platform.connection.status.ConnectionHealthPolicy;
import io.m365platform.connection.store.ConnectionStore;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.MsalApplications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The connection lifecycle: create (and test), read, test, rotate credentials, change settings, delete. Network
 * calls (tests) happen outside transactions; their results are applied to the locked, current row.
 */
@ApplicationScoped
public class ConnectionService {

    private static final Logger LOG = Logger.getLogger(ConnectionService.class);

    static final String AWAITING_SIGN_IN = "Waiting for an administrator of the tenant to sign in.";
    static final String START_SIGN_IN = "Start the admin sign-in and sign in with an administrator account of the"
            + " tenant that may consent to the app's delegated permissions.";

    private final ConnectionStore store;
    private final CredentialVault vault;
    private final ConnectionTester tester;
    private final ConnectionHealthPolicy policy;
    private final ConnectionEvents events;
    private final ConnectionChanges changes;
    private final MsalApplications msal;
    private final Clock clock;

    public ConnectionService(ConnectionStore store, CredentialVault vault, ConnectionTester tester,
            ConnectionHealthPolicy policy, ConnectionEvents events, ConnectionChanges changes, MsalApplications msal,
            Clock clock) {
        this.store = store;
        this.vault = vault;
        this.tester = tester;
        this.policy = policy;
        this.events = events;
        this.changes = changes;
        this.msal = msal;
        this.clock = clock;
    }

    /** Creates the connection and, for the app-registration method, tests it at once. */
    public Connection create(NewConnection request, String by) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        boolean adminUser = request.method() == ConnectionMethod.ADMIN_USER;
        SecretExpiry expiry = request.secretExpiresAt()
                .map(at -> SecretExpiry.known(at, SecretExpiry.Source.OPERATOR, "Given with the secret."))
                .orElse(SecretExpiry.unknown("Not known yet: the connection test reads it when Application.Read.All is granted."));
        Connection created = new Connection(id, request.product(), request.method(), request.level(),
                request.displayName().trim(), request.tenant().value(), Optional.empty(), request.clientId(),
                adminUser ? Health.of(ConnectionStatus.PENDING, AWAITING_SIGN_IN, START_SIGN_IN)
                        : Health.of(ConnectionStatus.PENDING, "Not tested yet.", "Test the connection."),
                List.of(), CapabilityTable.empty(), Connection.Probes.none(), Optional.empty(), Optional.empty(),
                Optional.empty(), expiry, by, now, now, 0);
        QuarkusTransaction.requiringNew().run(() -> {
            store.insert(created);
            vault.storeClientSecret(id, request.clientSecret());
            events.created(created);
        });
        LOG.infof("Connection %s created for tenant %s (%s, %s, %s) by %s", id, created.tenant(),
                created.product().wireName(), created.method().wireName(), created.level().wireName(), by);
        if (adminUser) {
            return created;
        }
        return applyReport(id, tester.test(created, ConnectionTester.Probing.PROBE), by);
    }

    public Connection get(UUID id) {
        return store.find(id).orElseThrow(() -> new ConnectionNotFoundException(id));
    }

    public List<Connection> list(ConnectionStore.Filter filter, int offset, int limit) {
        return store.list(filter, offset, limit);
    }

    /** Tests the connection now (probes included) and stores what was found. */
    public Connection test(UUID id, String by) {
        Connection c = get(id);
        requireSignedIn(c);
        return applyReport(id, tester.test(c, ConnectionTester.Probing.PROBE), by);
    }

    /** Applies a test's findings to the current state of the connection, with their events. */
    public Connection applyReport(UUID id, TestReport report, String by) {
        Connection after = changes.apply(id, c -> policy.apply(c, report),
                (before, saved) -> events.changed(before, saved, by, report.at()));
        if (report instanceof TestReport.Refused r) {
            LOG.warnf("Connection %s: token request refused (%s): status %s", id, r.failure().category(),
                    after.status().wireName());
        }
        return after;
    }

    /**
     * Replaces the client secret, but only after the new one got a token: a rejected secret leaves the stored one
     * (and the status) untouched, so rotation never breaks a working connection.
     */
    public Connection rotateSecret(UUID id, String newSecret, Optional<Instant> expiresAt, String by) {
        Connection c = get(id);
        requireSignedIn(c);
        AppCredentials candidate = new AppCredentials(c.clientId(), newSecret);
        TestReport report = tester.test(c, candidate, ConnectionTester.Probing.SKIP);
        if (report instanceof TestReport.Refused r) {
            throw new CredentialsRejectedException(r.failure());
        }
        if (report instanceof TestReport.Unanswered u) {
            throw new CredentialsUnverifiedException(u.failure());
        }
        Connection after = QuarkusTransaction.requiringNew().call(() -> {
            Connection before = store.findForUpdate(id).orElseThrow(() -> new ConnectionNotFoundException(id));
            vault.storeClientSecret(id, newSecret);
            Connection withOperatorExpiry = expiresAt
                    .map(at -> before.withSecretExpiry(SecretExpiry.known(at, SecretExpiry.Source.OPERATOR,
                            "Given with the secret."), report.at()))
                    .orElse(before.withSecretExpiry(SecretExpiry.unknown("Not known for the new secret yet."), report.at()));
            Connection saved = store.update(policy.apply(withOperatorExpiry, report));
            events.credentialsRotated(before, saved, by, report.at());
            return saved;
        });
        // The old secret's msal4j application (and its cached tokens) is no longer needed.
        msal.evict(c.clientId());
        LOG.infof("Connection %s: client secret rotated by %s", id, by);
        return after;
    }

    /** Changes the name and/or permission level; a new level re-evaluates the capability table. */
    public Connection update(UUID id, Optional<String> displayName, Optional<PermissionLevel> level, String by) {
        Instant now = clock.instant();
        return changes.apply(id, c -> {
            String name = displayName.map(String::trim).orElse(c.displayName());
            PermissionLevel newLevel = level.orElse(c.level());
            if (name.equals(c.displayName()) && newLevel == c.level()) {
                return c;
            }
            Connection changed = c.withSettings(name, newLevel, now);
            return newLevel == c.level() ? changed : policy.reevaluate(changed, now);
        }, (before, saved) -> events.changed(before, saved, by, now));
    }

    /** Deletes the connection and its sealed credentials, forgets its cached tokens, publishes the deletion. */
    public void delete(UUID id, String by) {
        Instant now = clock.instant();
        Connection deleted = QuarkusTransaction.requiringNew().call(() -> {
            Connection c = store.findForUpdate(id).orElseThrow(() -> new ConnectionNotFoundException(id));
            store.delete(id);
            events.deleted(c, by, now);
            return c;
        });
        msal.evict(deleted.clientId());
        LOG.infof("Connection %s deleted by %s", id, by);
    }

    private static void requireSignedIn(Connection c) {
        if (c.method() == ConnectionMethod.ADMIN_USER && c.admin().isEmpty()) {
            throw new SignInRequiredException(c.id());
        }
    }
}
