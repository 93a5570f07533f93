package io.m365platform.connection.adminuser;

import io.m365platform.connection.check.ConnectionTester;
import io.m365platform.connection.check.TestReport;
import io.m365platform.connection.credentials.CredentialVault;
import io.m365platform.connection.domain.AdminAccount;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.LastError;
import io.m365platform.connection.events.ConnectionEvents;
import io.m365platform.connection.service.ConnectionChanges;
import io.m365platform.connection.service.ConnectionNotFoundException;
import io.m365platform.connection.service.ConnectionService;
import io.m365platform.connection.store.ConnectionStore;
import io.m365platform.connection.service.CredentialsUnverifiedException;
import io.m365platform.connection.store.SignInStore;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.GraphScopes;
import io.m365platform.graph.token.delegated.AuthorizationRequest;
import io.m365platform.graph.token.delegated.DelegatedGrant;
import io.m365platform.graph.token.delegated.DelegatedTokenClient;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TransientTokenException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The admin-user method's sign-in: authorization code with PKCE. Start returns the URL to send the admin to and
 * keeps state and the sealed code verifier server-side; the callback redeems the code, seals msal4j's token cache
 * (it holds the refresh token) and tests the connection with it. Signing in again replaces the stored sign-in.
 */
@ApplicationScoped
public class AdminSignInService {

    private static final Logger LOG = Logger.getLogger(AdminSignInService.class);

    private final ConnectionService connections;
    private final ConnectionChanges changes;
    private final ConnectionStore store;
    private final ConnectionEvents events;
    private final ConnectionTester tester;
    private final CredentialVault vault;
    private final SignInStore signIns;
    private final DelegatedTokenClient delegated;
    private final AdminSignInSettings settings;
    private final Clock clock;

    public AdminSignInService(ConnectionService connections, ConnectionChanges changes, ConnectionStore store,
            ConnectionEvents events, ConnectionTester tester, CredentialVault vault, SignInStore signIns,
            DelegatedTokenClient delegated, AdminSignInSettings settings, Clock clock) {
        this.connections = connections;
        this.changes = changes;
        this.store = store;
        this.events = events;
        this.tester = tester;
        this.vault = vault;
        this.signIns = signIns;
        this.delegated = delegated;
        this.settings = settings;
        this.clock = clock;
    }

    /** A started sign-in: where to send the admin. */
    public record Started(URI authorizationUrl, String state, Instant expiresAt) {
    }

    /** The parameters Entra put on the redirect. */
    public record Redirect(String state, String code, String error, String errorDescription) {
        @Override
        public String toString() {
            return "Redirect[state=" + state + ", code=***, error=" + error + "]";
        }
    }

    public Started start(UUID id, String loginHint, String by) {
        Connection c = connections.get(id);
        if (c.method() != ConnectionMethod.ADMIN_USER) {
            throw new SignInNotApplicableException(c);
        }
        AppCredentials credentials = vault.appCredentials(id, c.clientId());
        AuthorizationRequest request = delegated.startAuthorization(credentials, TenantId.of(c.tenant()),
                settings.redirectUri(), GraphScopes.DELEGATED_DEFAULT, loginHint);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.signInTimeout());
        QuarkusTransaction.requiringNew().run(() -> signIns.insert(new SignInStore.PendingSignIn(request.state(), id,
                vault.sealVerifier(id, request.codeVerifier()), request.redirectUri().toString(),
                List.copyOf(request.scopes()), request.authorizationUrl().toString(), by, expiresAt), now));
        LOG.infof("Connection %s: admin sign-in started by %s", id, by);
        return new Started(request.authorizationUrl(), request.state(), expiresAt);
    }

    /**
     * Redeems the redirect. A refused redemption (no consent, sign-in problem) is stored as the connection's
     * status; a redirect that does not belong to a started sign-in of this connection is rejected.
     */
    public Connection complete(UUID id, Redirect redirect, String by) {
        Instant now = clock.instant();
        SignInStore.PendingSignIn pending = QuarkusTransaction.requiringNew().call(() -> signIns.take(redirect.state()))
                .filter(p -> p.connectionId().equals(id))
                .orElseThrow(() -> new InvalidSignInException("The state does not belong to a sign-in started for"
                        + " connection " + id + " (unknown, already used, or for another connection)."));
        if (pending.expiresAt().isBefore(now)) {
            throw new InvalidSignInException("The sign-in was started at least " + settings.signInTimeout().toMinutes()
                    + " minutes ago and has expired: start it again.");
        }
        if (redirect.error() != null && !redirect.error().isBlank()) {
            String message = "The admin sign-in ended with '" + redirect.error() + "'"
                    + (redirect.errorDescription() == null ? "" : ": " + redirect.errorDescription());
            changes.apply(id, c -> c.withLastError(new LastError("sign-in-" + redirect.error(), message, now), now),
                    (b, a) -> { });
            throw new InvalidSignInException(message);
        }
        if (redirect.code() == null || redirect.code().isBlank()) {
            throw new InvalidSignInException("The redirect carries no authorization code.");
        }
        Connection c = connections.get(id);
        AppCredentials credentials = vault.appCredentials(id, c.clientId());
        AuthorizationRequest request = new AuthorizationRequest(URI.create(pending.authorizationUrl()),
                TenantId.of(c.tenant()), c.clientId(), URI.create(pending.redirectUri()), Set.copyOf(pending.scopes()),
                pending.state(), vault.openVerifier(id, pending.codeVerifier()));
        DelegatedGrant grant;
        try {
            grant = delegated.redeem(credentials, request, redirect.code(), redirect.state());
        } catch (PermanentTokenException e) {
            return connections.applyReport(id, new TestReport.Refused(clock.instant(), e), by);
        } catch (TransientTokenException e) {
            throw new CredentialsUnverifiedException(e);
        }
        String username = Optional.ofNullable(grant.user().username()).orElse("unknown administrator");
        AdminAccount admin = new AdminAccount(username, grant.user().homeAccountId());
        boolean reSignIn = c.admin().isPresent();
        Connection signedIn = QuarkusTransaction.requiringNew().call(() -> {
            Connection before = store.findForUpdate(id).orElseThrow(() -> new ConnectionNotFoundException(id));
            vault.storeTokenCache(id, grant.cache());
            Connection after = store.update(before.withAdmin(admin, now));
            if (reSignIn) {
                events.credentialsRotated(before, after, by, now);
            }
            return after;
        });
        LOG.infof("Connection %s: signed in as %s", id, username);
        return connections.applyReport(id, tester.test(signedIn, ConnectionTester.Probing.PROBE), by);
    }

    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeAbandoned() {
        QuarkusTransaction.requiringNew().run(() -> signIns.deleteExpired(clock.instant()));
    }
}
