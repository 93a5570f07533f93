package io.m365platform.sync.resource.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.directory.DirectoryGroup;
import io.m365platform.contracts.directory.GroupKind;
import io.m365platform.contracts.directory.MemberType;

import java.util.List;

import static io.m365platform.sync.resource.GraphJson.bool;
import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;
import static io.m365platform.sync.resource.GraphJson.texts;

/** Graph {@code group} JSON → the contracts' {@link DirectoryGroup}; member {@code @odata.type} → {@link MemberType}. */
public final class GroupMapper {

    /** {@code members} makes the delta query report membership changes ({@code members@delta}). */
    public static final String SELECT = String.join(",", List.of("id", "displayName", "description", "mail",
            "mailNickname", "mailEnabled", "securityEnabled", "groupTypes", "membershipRule",
            "membershipRuleProcessingState", "visibility", "resourceProvisioningOptions", "isAssignableToRole",
            "onPremisesSyncEnabled", "createdDateTime", "members"));

    private GroupMapper() {
    }

    public static DirectoryGroup map(JsonNode g) {
        List<String> groupTypes = texts(g, "groupTypes");
        boolean mailEnabled = bool(g, "mailEnabled", false);
        boolean securityEnabled = bool(g, "securityEnabled", false);
        List<String> provisioning = texts(g, "resourceProvisioningOptions");
        return new DirectoryGroup(text(g, "id"), text(g, "displayName"), text(g, "description"), text(g, "mail"),
                text(g, "mailNickname"), mailEnabled, securityEnabled, groupTypes, text(g, "membershipRule"),
                text(g, "membershipRuleProcessingState"), text(g, "visibility"), provisioning,
                bool(g, "isAssignableToRole"), bool(g, "onPremisesSyncEnabled"), instant(g, "createdDateTime"),
                GroupKind.classify(groupTypes, mailEnabled, securityEnabled), provisioning.contains("Team"));
    }

    public static MemberType memberType(String odataType) {
        if (odataType == null) {
            return MemberType.OTHER;
        }
        return switch (odataType.substring(odataType.lastIndexOf('.') + 1)) {
            case "user" -> MemberType.USER;
            case "group" -> MemberType.GROUP;
            case "device" -> MemberType.DEVICE;
            case "servicePrincipal" -> MemberType.SERVICE_PRINCIPAL;
            case "orgContact" -> MemberType.ORG_CONTACT;
            default -> MemberType.OTHER;
        };
    }
}
