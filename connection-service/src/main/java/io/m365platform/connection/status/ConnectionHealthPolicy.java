package io.m365platform.connection.status;

import io.m365platform.connection.capability.CapabilityCatalogue;
import io.m365platform.connection.capability.CapabilityEvaluator;
import io.m365platform.connection.capability.CapabilityTable;
import io.m365platform.connection.capability.FixSentences;
import io.m365platform.connection.capability.PermissionKind;
import io.m365platform.connection.capability.ProbeOutcome;
import io.m365platform.connection.check.TestReport;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.Health;
import io.m365platform.connection.domain.LastError;
import io.m365platform.connection.domain.LastTest;
import io.m365platform.connection.domain.SecretExpiry;
import io.m365platform.contracts.connection.ConnectionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides a connection's state from what a test (or a token request) found: capability table, status with reason
 * and fix, last test, last error, secret expiry. Pure: no I/O, so every rule is unit-tested.
 */
@ApplicationScoped
public class ConnectionHealthPolicy {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final CapabilityEvaluator evaluator;
    private final CapabilityCatalogue catalogue;
    private final HealthSettings settings;

    public ConnectionHealthPolicy(CapabilityEvaluator evaluator, CapabilityCatalogue catalogue, HealthSettings settings) {
        this.evaluator = evaluator;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    public Connection apply(Connection c, TestReport report) {
        return switch (report) {
            case TestReport.Succeeded s -> succeeded(c, s);
            case TestReport.Refused r -> c.withHealth(FailureStatuses.healthOf(c, r.failure()), r.at())
                    .withLastTest(new LastTest(r.at(), LastTest.Outcome.FAILED),
                            Optional.of(new LastError(FailureStatuses.errorCode(r.failure()), r.failure().getMessage(), r.at())),
                            r.at());
            case TestReport.Unanswered u -> c.withLastTest(new LastTest(u.at(), LastTest.Outcome.INCONCLUSIVE),
                    Optional.of(new LastError(FailureStatuses.errorCode(u.failure()), u.failure().getMessage(), u.at())),
                    u.at());
        };
    }

    /**
     * A token obtained outside a test (the broker) carried other permissions than stored: re-evaluate with them,
     * keeping the last probe outcomes.
     */
    public Connection permissionsObserved(Connection c, String tenantId, Set<String> granted, Instant at) {
        Connection evaluated = evaluate(c, Optional.of(tenantId), granted, c.probes(), at);
        return evaluated.withHealth(healthOf(evaluated, granted, evaluated.capabilities(), at), at);
    }

    /** Re-evaluates with the stored permissions (after a change of the permission level). */
    public Connection reevaluate(Connection c, Instant at) {
        if (c.lastTest().filter(t -> t.outcome() == LastTest.Outcome.SUCCEEDED).isEmpty() && c.grantedPermissions().isEmpty()) {
            return c;
        }
        return permissionsObserved(c, c.tenantId().orElse(c.tenant()), Set.copyOf(c.grantedPermissions()), at);
    }

    /** Whether a health check should run the (throttled) report probe again. */
    public boolean probeDue(Connection c, Instant now) {
        return c.probes().probedAt().map(at -> at.plus(settings.probeMaxAge()).isBefore(now)).orElse(true);
    }

    private Connection succeeded(Connection c, TestReport.Succeeded s) {
        Connection.Probes probes = s.probes().isEmpty() ? c.probes()
                : new Connection.Probes(merge(c.probes().outcomes(), s.probes()), Optional.of(s.at()));
        Connection evaluated = evaluate(c, Optional.of(s.tenantId()), s.granted(), probes, s.at())
                .withSecretExpiry(mergeExpiry(c.secretExpiry(), s.secretExpiry()), s.at());
        Optional<LastError> probeError = s.probeProblem().map(p -> new LastError("probe", p, s.at()));
        return evaluated.withHealth(healthOf(evaluated, s.granted(), evaluated.capabilities(), s.at()), s.at())
                .withLastTest(new LastTest(s.at(), LastTest.Outcome.SUCCEEDED), probeError, s.at());
    }

    private Connection evaluate(Connection c, Optional<String> tenantId, Set<String> granted, Connection.Probes probes,
                                Instant at) {
        CapabilityTable table = evaluator.evaluate(c.product(), c.method(), c.level(), granted, probes.outcomes(),
                c.clientId());
        return c.withEvaluation(tenantId, List.copyOf(new TreeSet<>(granted)), table, probes, at);
    }

    private Health healthOf(Connection c, Set<String> granted, CapabilityTable table, Instant now) {
        PermissionKind kind = PermissionKind.of(c.method());
        if (granted.isEmpty()) {
            List<String> wanted = catalogue.product(c.product()).permissionsFor(kind, c.level());
            return Health.of(ConnectionStatus.PERMISSIONS_MISSING,
                    "The token of app registration " + c.clientId() + " carries no Microsoft Graph " + kind.noun()
                            + ": none has been consented in the tenant.",
                    FixSentences.grant(kind, wanted, c.clientId()));
        }
        List<String> missing = table.missingPermissions();
        if (!missing.isEmpty()) {
            return Health.of(ConnectionStatus.PERMISSIONS_MISSING,
                    "Some capabilities of the " + c.level().wireName() + " level lack Microsoft Graph " + kind.noun()
                            + "s: " + FixSentences.enumerate(missing) + ".",
                    FixSentences.grant(kind, missing, c.clientId()));
        }
        Optional<Instant> expiry = c.secretExpiry().expiresAt();
        if (expiry.isPresent() && !expiry.get().isAfter(now.plus(settings.secretExpiryWarning()))) {
            long days = Math.max(0, Duration.between(now, expiry.get()).toDays());
            return Health.of(ConnectionStatus.CONNECTED,
                    "The client secret of app registration " + c.clientId() + " expires on " + DAY.format(expiry.get())
                            + " (in " + days + " day" + (days == 1 ? "" : "s") + ").",
                    "Create a new client secret for app registration " + c.clientId()
                            + " and rotate the connection's credentials before " + DAY.format(expiry.get()) + ".");
        }
        return Health.connected();
    }

    /** Whether the connection currently shows a secret-expiry warning. */
    public boolean secretExpiryWarning(Connection c, Instant now) {
        return c.secretExpiry().expiresAt().filter(e -> !e.isAfter(now.plus(settings.secretExpiryWarning()))).isPresent();
    }

    private static Map<String, ProbeOutcome> merge(Map<String, ProbeOutcome> before, Map<String, ProbeOutcome> now) {
        Map<String, ProbeOutcome> merged = new HashMap<>(before);
        merged.putAll(now);
        return merged;
    }

    /**
     * Graph's answer wins when it knows the date. An operator-given date survives Graph saying "unknown" (no
     * Application.Read.All); an unanswered lookup keeps whatever was known.
     */
    static SecretExpiry mergeExpiry(SecretExpiry before, Optional<SecretExpiry> looked) {
        if (looked.isEmpty()) {
            return before;
        }
        SecretExpiry now = looked.get();
        if (!now.known() && before.source().filter(s -> s == SecretExpiry.Source.OPERATOR).isPresent()) {
            return before;
        }
        return now;
    }
}
