package io.m365platform.contracts.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * The synced state of an Entra group (Graph {@code microsoft.graph.group}) plus two derived fields:
 * {@code kind} ({@link GroupKind#classify}) and {@code isTeam} (resourceProvisioningOptions contains Team).
 *
 * @param id                            object id (GUID)
 * @param displayName                   name
 * @param description                   description
 * @param mail                          SMTP address when mail-enabled
 * @param mailNickname                  mail alias
 * @param mailEnabled                   mail-enabled
 * @param securityEnabled               security-enabled
 * @param groupTypes                    e.g. {@code ["Unified"]}, {@code ["DynamicMembership"]}
 * @param membershipRule                rule of a dynamic group, else null
 * @param membershipRuleProcessingState {@code On} or {@code Paused} for dynamic groups
 * @param visibility                    Public, Private, HiddenMembership (Microsoft 365 groups)
 * @param resourceProvisioningOptions   e.g. {@code ["Team"]}
 * @param isAssignableToRole            can hold Entra roles (changes need extra permissions)
 * @param onPremisesSyncEnabled         synced from on-premises AD
 * @param createdDateTime               creation time
 * @param kind                          derived kind
 * @param isTeam                        true when the group is Teams-enabled
 */
public record DirectoryGroup(
        String id,
        String displayName,
        String description,
        String mail,
        String mailNickname,
        boolean mailEnabled,
        boolean securityEnabled,
        List<String> groupTypes,
        String membershipRule,
        String membershipRuleProcessingState,
        String visibility,
        List<String> resourceProvisioningOptions,
        @JsonProperty("isAssignableToRole") Boolean isAssignableToRole,
        Boolean onPremisesSyncEnabled,
        Instant createdDateTime,
        GroupKind kind,
        @JsonProperty("isTeam") boolean isTeam) {

    public DirectoryGroup {
        Checks.requireText(id, "id");
        groupTypes = Checks.list(groupTypes);
        resourceProvisioningOptions = Checks.list(resourceProvisioningOptions);
        Checks.require(kind, "kind");
    }
}
