package io.m365platform.connection.capability;

import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a connection's capability table from the catalogue, the connection's product, method and level, the
 * permissions its token grants and what the probes found. All decisions come from the catalogue's data; the order
 * of the checks is the only logic here: method first (nothing helps), then level, then permissions, then probes.
 */
public final class CapabilityEvaluator {

    private final CapabilityCatalogue catalogue;

    public CapabilityEvaluator(CapabilityCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param probes outcome per probe name (e.g. {@code usage-report}); absent means not run
     */
    public CapabilityTable evaluate(Product product, ConnectionMethod method, PermissionLevel level,
                                    Set<String> granted, Map<String, ProbeOutcome> probes, String clientId) {
        PermissionKind kind = PermissionKind.of(method);
        List<CapabilityRow> rows = new ArrayList<>();
        for (CapabilityDefinition capability : catalogue.capabilitiesOf(product)) {
            rows.add(row(capability, kind, level, granted, probes, clientId));
        }
        return new CapabilityTable(rows);
    }

    private static CapabilityRow row(CapabilityDefinition c, PermissionKind kind, PermissionLevel level,
                                     Set<String> granted, Map<String, ProbeOutcome> probes, String clientId) {
        PermissionRequirement requirement = c.requirement(kind);
        String note = requirement.note().orElse(null);
        if (!requirement.supported()) {
            return new CapabilityRow(c.id(), c.title(), c.kind(), CapabilityState.NOT_SUPPORTED_BY_METHOD, List.of(),
                    requirement.unsupported().orElseThrow(), null, note);
        }
        List<String> missing = requirement.missingFrom(granted);
        if (c.level() == PermissionLevel.READ_WRITE && level == PermissionLevel.READ) {
            return new CapabilityRow(c.id(), c.title(), c.kind(), CapabilityState.NEEDS_READ_WRITE_LEVEL, missing,
                    FixSentences.raiseLevel(kind, missing), null, note);
        }
        if (!missing.isEmpty()) {
            return new CapabilityRow(c.id(), c.title(), c.kind(), CapabilityState.MISSING_PERMISSIONS, missing,
                    FixSentences.grant(kind, missing, clientId), null, note);
        }
        ProbeOutcome probe = c.probe().map(p -> probes.getOrDefault(p, ProbeOutcome.NOT_RUN)).orElse(ProbeOutcome.NOT_RUN);
        return switch (probe) {
            case DENIED -> new CapabilityRow(c.id(), c.title(), c.kind(), CapabilityState.ACCESS_DENIED, List.of(),
                    c.probeDenied().orElse("Graph refused access although the permissions are granted: check the"
                            + " admin consent and the Entra roles of the connected identity."), null, note);
            case CONCEALED -> new CapabilityRow(c.id(), c.title(), c.kind(), CapabilityState.AVAILABLE, List.of(), null,
                    FixSentences.CONCEALED_REPORTS, note);
            case INCONCLUSIVE -> new CapabilityRow(c.id(), c.title(), c.kind(), CapabilityState.AVAILABLE, List.of(),
                    null, FixSentences.PROBE_INCONCLUSIVE, note);
            case NOT_RUN, ACCESSIBLE -> new CapabilityRow(c.id(), c.title(), c.kind(), CapabilityState.AVAILABLE,
                    List.of(), null, null, note);
        };
    }
}
