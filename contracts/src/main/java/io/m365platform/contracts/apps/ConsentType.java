package io.m365platform.contracts.apps;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who a delegated consent (Graph oAuth2PermissionGrant) covers. */
public enum ConsentType implements WireName {
    /** Admin consent on behalf of every user of the tenant. */
    ALL_PRINCIPALS("AllPrincipals"),
    /** One user's own consent. */
    PRINCIPAL("Principal");

    private final String wireName;

    ConsentType(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
