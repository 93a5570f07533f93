package io.m365platform.graphsim.model;

import java.time.Instant;
import java.util.List;

/**
 * A group: security, Microsoft 365 ("Unified"), dynamic ("DynamicMembership"), possibly team-enabled
 * (resourceProvisioningOptions ["Team"]) and possibly carrying group-based licenses that its direct user members
 * inherit. {@code members} holds user and group ids (nested groups) in insertion order; the kind of each member
 * is resolved against the tenant.
 */
public record Group(
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
        Instant createdDateTime,
        List<String> resourceProvisioningOptions,
        List<AssignedLicense> assignedLicenses,
        List<String> members,
        List<String> owners) {

    public Group {
        groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
        resourceProvisioningOptions = resourceProvisioningOptions == null ? List.of() : List.copyOf(resourceProvisioningOptions);
        assignedLicenses = assignedLicenses == null ? List.of() : List.copyOf(assignedLicenses);
        members = members == null ? List.of() : List.copyOf(members);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    public boolean isTeam() {
        return resourceProvisioningOptions.contains("Team");
    }

    public boolean isDynamic() {
        return groupTypes.contains("DynamicMembership");
    }

    public boolean isUnified() {
        return groupTypes.contains("Unified");
    }

    public Group withMembers(List<String> newMembers) {
        return new Group(id, displayName, description, mail, mailNickname, mailEnabled, securityEnabled, groupTypes,
                membershipRule, membershipRuleProcessingState, visibility, createdDateTime, resourceProvisioningOptions,
                assignedLicenses, newMembers, owners);
    }

    public Group withOwners(List<String> newOwners) {
        return new Group(id, displayName, description, mail, mailNickname, mailEnabled, securityEnabled, groupTypes,
                membershipRule, membershipRuleProcessingState, visibility, createdDateTime, resourceProvisioningOptions,
                assignedLicenses, members, newOwners);
    }

    public Group withDisplayName(String name) {
        return new Group(id, name, description, mail, mailNickname, mailEnabled, securityEnabled, groupTypes,
                membershipRule, membershipRuleProcessingState, visibility, createdDateTime, resourceProvisioningOptions,
                assignedLicenses, members, owners);
    }

    public Group withAssignedLicenses(List<AssignedLicense> licenses) {
        return new Group(id, displayName, description, mail, mailNickname, mailEnabled, securityEnabled, groupTypes,
                membershipRule, membershipRuleProcessingState, visibility, createdDateTime, resourceProvisioningOptions,
                licenses, members, owners);
    }
}
