package io.m365platform.graphsim.graph;

import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.DirectoryRole;
import io.m365platform.graphsim.model.Organization;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.LicenseState;
import io.m365platform.graphsim.tenant.Tenant;

import java.util.List;

/**
 * Everything needed to serialise an entity, captured under the tenant's read lock so that the JSON can be written
 * after the lock is released (a slow client never blocks writers).
 */
final class Views {
    private Views() {
    }

    record UserView(User user, List<AssignedLicense> licenses, List<LicenseState> states, User manager) {
        /** Inside Tenant.read. */
        static UserView of(Tenant t, User u, boolean withManager) {
            return new UserView(u, t.effectiveLicenses(u), t.licenseStates(u),
                    withManager && u.managerId() != null ? t.userTable().get(u.managerId()) : null);
        }

        /** Only what {@code fields} need (license states cost an allocation per user on large pages). */
        static UserView of(Tenant t, User u, boolean withManager, java.util.Collection<String> fields) {
            return new UserView(u, fields.contains("assignedLicenses") ? t.effectiveLicenses(u) : List.of(),
                    fields.contains("licenseAssignmentStates") ? t.licenseStates(u) : List.of(),
                    withManager && u.managerId() != null ? t.userTable().get(u.managerId()) : null);
        }
    }

    record SkuView(Sku sku, int consumedUnits, String tenantId, String accountName) {
    }

    record LicenseDetailView(String userId, LicenseState state, Sku sku) {
    }

    record OrganizationView(String tenantId, Organization organization, List<Sku> skus, String technicalMail) {
    }

    record RoleView(DirectoryRole role, Catalog.RoleTemplate template) {
    }

    record MemberView(String teamId, User user, boolean owner, String tenantId) {
    }

    record TeamView(io.m365platform.graphsim.model.Team team, io.m365platform.graphsim.model.Group group, String tenantId) {
    }

    record AppRoleAssignmentView(io.m365platform.graphsim.model.AppRoleAssignment assignment, String principalDisplayName,
                                 String resourceDisplayName) {
    }
}
