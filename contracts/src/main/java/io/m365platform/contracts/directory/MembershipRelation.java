package io.m365platform.contracts.directory;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a member belongs to a group. */
public enum MembershipRelation implements WireName {
    /** A direct member (GET /groups/{id}/members). */
    DIRECT("direct"),
    /** A member only through nested groups (in transitiveMembers, not in members). */
    TRANSITIVE("transitive");

    private final String wireName;

    MembershipRelation(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
