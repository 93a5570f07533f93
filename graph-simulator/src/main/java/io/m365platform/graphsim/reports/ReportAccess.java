package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.auth.Caller;
import io.m365platform.graphsim.auth.PermissionRule;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.Tenant;

import java.util.Set;

/**
 * Who may read usage reports and whether they see names (GRAPH_FACTS §5.6, §8): Reports.Read.All as an application
 * permission, or delegated with the signed-in user in one of the report-reading admin roles. Names are concealed
 * when the tenant's displayConcealedNames is on, and always for readers whose only such role is Global Reader or
 * Usage Summary Reports Reader.
 */
final class ReportAccess {
    static final PermissionRule RULE = PermissionRule.anyOf("Reports.Read.All");

    static final String USAGE_SUMMARY_READER = "75934031-6c7e-415a-99d7-48dbd49e875e";
    /** Roles that may read reports with identifiable names (template ids). */
    static final Set<String> NAMED_READER_ROLES = Set.of(
            Catalog.GLOBAL_ADMIN.templateId(), Catalog.REPORTS_READER.templateId(), Catalog.EXCHANGE_ADMIN.templateId(),
            Catalog.TEAMS_ADMIN.templateId(),
            "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",   // SharePoint Administrator
            "75941009-915a-4869-abe7-691bff18279e",   // Skype for Business Administrator
            "baf37b3a-610e-45da-9e62-d9d1e5e8914b");  // Teams Communications Administrator
    /** Roles that may read reports but never see names. */
    static final Set<String> CONCEALED_READER_ROLES = Set.of(Catalog.GLOBAL_READER.templateId(), USAGE_SUMMARY_READER);

    private ReportAccess() {
    }

    /** Throws 403 unless a delegated caller holds a report-reading role (app-only callers pass on the permission alone). */
    static void requireReader(Caller caller) {
        if (!caller.delegated()) {
            return;
        }
        for (String role : caller.directoryRoleTemplateIds()) {
            if (NAMED_READER_ROLES.contains(role) || CONCEALED_READER_ROLES.contains(role)) {
                return;
            }
        }
        throw new GraphException(403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation. The signed-in user needs an administrator role that can read usage reports.");
    }

    static boolean conceal(Tenant tenant, Caller caller) {
        if (tenant.displayConcealedNames()) {
            return true;
        }
        if (!caller.delegated()) {
            return false;
        }
        for (String role : caller.directoryRoleTemplateIds()) {
            if (NAMED_READER_ROLES.contains(role)) {
                return false;
            }
        }
        return true;
    }
}
