package io.m365platform.connection.broker;

import io.m365platform.connection.check.TestReport;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.LastError;
import io.m365platform.connection.events.ConnectionEvents;
import io.m365platform.connection.service.ConnectionChanges;
import io.m365platform.connection.service.ConnectionNotFoundException;
import io.m365platform.connection.service.ConnectionService;
import io.m365platform.connection.status.ConnectionHealthPolicy;
import io.m365platform.connection.status.FailureStatuses;
import io.m365platform.connection.store.ConnectionStore;
import io.m365platform.connection.tokens.ConnectionTokens;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TransientTokenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Hands other services a Graph access token for a connection. msal4j's cache answers most requests; a token that
 * had to be fetched is compared with what the connection knew (consent revoked or extended shows up here first),
 * and a refusal changes the connection's status at once, with its event. Transient failures are retried by
 * graph-client and then reported as such, without touching the status.
 *
 * <p>One token request per connection is in flight at a time: callers asking meanwhile wait for the same answer. A
 * caller waits at most {@link BrokerSettings#deadline()} (shorter than its own timeout) and is then told to retry;
 * the request goes on, and its token is in msal4j's cache for the next caller. Every token handed out is audited
 * ({@link TokenAudit}).
 */
@ApplicationScoped
public class TokenBroker {

    private static final Logger LOG = Logger.getLogger(TokenBroker.class);

    private final ConnectionStore store;
    private final ConnectionTokens tokens;
    private final ConnectionHealthPolicy policy;
    private final ConnectionChanges changes;
    private final ConnectionService connections;
    private final ConnectionEvents events;
    private final Clock clock;
    private final BrokerSettings settings;
    private final TokenAudit audit;
    private final ExecutorService requests;
    private final SingleFlight<UUID, BrokeredToken> inFlight;

    public TokenBroker(ConnectionStore store, ConnectionTokens tokens, ConnectionHealthPolicy policy,
            ConnectionChanges changes, ConnectionService connections, ConnectionEvents events, Clock clock,
            BrokerSettings settings, TokenAudit audit) {
        this.store = store;
        this.tokens = tokens;
        this.policy = policy;
        this.changes = changes;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
        this.requests = Executors.newFixedThreadPool(settings.concurrentRequests(), r -> {
            Thread t = new Thread(r, "token-broker");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new SingleFlight<>(requests);
    }

    @PreDestroy
    void close() {
        requests.shutdownNow();
    }

    /**
     * A token for the connection, handed to {@code caller} (audited).
     *
     * @throws ConnectionNotFoundException          unknown connection
     * @throws ConnectionNotUsableException         its status does not allow tokens (now or after this request)
     * @throws TokenTemporarilyUnavailableException the identity platform did not answer (after retries, or not
     *                                              within the deadline)
     */
    public BrokeredToken token(UUID id, String caller) {
        BrokeredToken token;
        try {
            token = inFlight.get(id, () -> token(id), settings.deadline());
        } catch (TimeoutException e) {
            LOG.warnf("Connection %s: no token within %s; the request goes on, %s is told to retry", id,
                    settings.deadline(), caller);
            throw new TokenTemporarilyUnavailableException("The identity platform has not answered within "
                    + settings.deadline().toSeconds() + " s; retry shortly", Duration.ofSeconds(5));
        } catch (RejectedExecutionException e) {
            throw new TokenTemporarilyUnavailableException("the token broker is shutting down", Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenTemporarilyUnavailableException("interrupted", Duration.ofSeconds(5));
        }
        audit.issued(id, caller, token);
        return token;
    }

    /** A token with what the caller needs to know about it. */
    public record BrokeredToken(Connection connection, AccessToken token) {
    }

    /** The token request itself, run once per connection at a time. */
    private BrokeredToken token(UUID id) {
        Connection c = store.find(id).orElseThrow(() -> new ConnectionNotFoundException(id));
        if (!c.usable()) {
            throw new ConnectionNotUsableException(c);
        }
        AccessToken token;
        try {
            token = tokens.acquire(c, ConnectionTokens.Freshness.CACHED_OK);
        } catch (PermanentTokenException e) {
            Connection after = connections.applyReport(id, new TestReport.Refused(clock.instant(), e), "token-broker");
            throw new ConnectionNotUsableException(after);
        } catch (TransientTokenException e) {
            Instant now = clock.instant();
            changes.apply(id, x -> x.withLastError(new LastError(FailureStatuses.errorCode(e), e.getMessage(), now), now),
                    (before, after) -> { });
            LOG.warnf("Connection %s: token request failed temporarily: %s", id, e.getMessage());
            throw new TokenTemporarilyUnavailableException(e);
        }
        if (!token.fromCache() && permissionsChanged(c, token)) {
            Instant now = clock.instant();
            Connection after = changes.apply(id,
                    x -> policy.permissionsObserved(x, token.tenantId(), token.permissions(), now),
                    (before, saved) -> events.changed(before, saved, "token-broker", now));
            if (!after.usable()) {
                throw new ConnectionNotUsableException(after);
            }
            return new BrokeredToken(after, token);
        }
        return new BrokeredToken(c, token);
    }

    private static boolean permissionsChanged(Connection c, AccessToken token) {
        return !Set.copyOf(c.grantedPermissions()).equals(token.permissions())
                || c.tenantId().filter(token.tenantId()::equals).isEmpty();
    }
}
