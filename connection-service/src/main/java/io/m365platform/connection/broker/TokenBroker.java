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
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Hands other services a Graph access token for a connection. msal4j's cache answers most requests; a token that
 * had to be fetched is compared with what the connection knew (consent revoked or extended shows up here first),
 * and a refusal changes the connection's status at once, with its event. Transient failures are retried by
 * graph-client and then reported as such, without touching the status.
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

    public TokenBroker(ConnectionStore store, ConnectionTokens tokens, ConnectionHealthPolicy policy,
            ConnectionChanges changes, ConnectionService connections, ConnectionEvents events, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.policy = policy;
        this.changes = changes;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    /** A token with what the caller needs to know about it. */
    public record BrokeredToken(Connection connection, AccessToken token) {
    }

    /**
     * @throws ConnectionNotFoundException       unknown connection
     * @throws ConnectionNotUsableException      its status does not allow tokens (now or after this request)
     * @throws TokenTemporarilyUnavailableException the identity platform did not answer (after retries)
     */
    public BrokeredToken token(UUID id) {
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
