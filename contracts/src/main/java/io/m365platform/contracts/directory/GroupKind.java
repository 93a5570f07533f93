package io.m365platform.contracts.directory;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** What kind of group a group is, derived from groupTypes, mailEnabled and securityEnabled (see classify). */
public enum GroupKind implements WireName {
    /** Security group (mail-enabled or not), static membership. */
    SECURITY("security"),
    /** Microsoft 365 (Unified) group, static membership. */
    MICROSOFT365("microsoft365"),
    /** Any group whose membership is computed from membershipRule. */
    DYNAMIC("dynamic"),
    /** Mail-enabled, not security-enabled, not Unified: a distribution list. */
    DISTRIBUTION("distribution");

    private final String wireName;

    GroupKind(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * Classifies a Graph group. Dynamic membership wins (a dynamic Microsoft 365 group is {@code dynamic}),
     * then Unified, then mail-enabled without security (distribution list); everything else is security.
     */
    public static GroupKind classify(List<String> groupTypes, boolean mailEnabled, boolean securityEnabled) {
        List<String> types = groupTypes == null ? List.of() : groupTypes;
        if (types.contains("DynamicMembership")) {
            return DYNAMIC;
        }
        if (types.contains("Unified")) {
            return MICROSOFT365;
        }
        if (mailEnabled && !securityEnabled) {
            return DISTRIBUTION;
        }
        return SECURITY;
    }
}
