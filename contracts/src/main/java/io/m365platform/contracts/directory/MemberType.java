package io.m365platform.contracts.directory;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** Directory object type of a group member (from its @odata.type). */
public enum MemberType implements WireName {
    /** #microsoft.graph.user */
    USER("user"),
    /** #microsoft.graph.group (nested group) */
    GROUP("group"),
    /** #microsoft.graph.device */
    DEVICE("device"),
    /** #microsoft.graph.servicePrincipal */
    SERVICE_PRINCIPAL("service-principal"),
    /** #microsoft.graph.orgContact */
    ORG_CONTACT("org-contact"),
    /** Any other directory object type. */
    OTHER("other");

    private final String wireName;

    MemberType(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
