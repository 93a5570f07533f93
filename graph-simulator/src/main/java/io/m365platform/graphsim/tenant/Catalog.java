package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.ServicePlan;
import io.m365platform.graphsim.model.Sku;

import java.util.List;
import java.util.Map;

/**
 * Well-known Microsoft identifiers the generator uses: SKUs with their service plans, built-in directory role
 * templates and first-party apps. (Ids as published by Microsoft for these products.)
 */
public final class Catalog {
    private Catalog() {
    }

    public static final ServicePlan EXCHANGE_ENTERPRISE = new ServicePlan("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE", "User");
    public static final ServicePlan EXCHANGE_STANDARD = new ServicePlan("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD", "User");
    public static final ServicePlan SHAREPOINT = new ServicePlan("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE", "User");
    public static final ServicePlan OFFICE_WEB = new ServicePlan("e95bec33-7c88-4a70-8e19-b10bd9d0c014", "SHAREPOINTWAC", "User");
    public static final ServicePlan TEAMS = new ServicePlan("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1", "User");
    public static final ServicePlan OFFICE_APPS = new ServicePlan("43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION", "User");
    public static final ServicePlan SKYPE = new ServicePlan("0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "MCOSTANDARD", "User");
    public static final ServicePlan YAMMER = new ServicePlan("7547a3fe-08ee-4ccb-b430-5077c5041653", "YAMMER_ENTERPRISE", "User");
    public static final ServicePlan POWER_BI = new ServicePlan("70d33638-9c74-4d01-bfd3-562de28bd4ba", "BI_AZURE_P2", "User");
    public static final ServicePlan FLOW_FREE_PLAN = new ServicePlan("50e68c76-46c6-4674-81f9-75456511b170", "FLOW_P2_VIRAL", "User");
    public static final ServicePlan VISIO = new ServicePlan("663a804f-1c30-4ff0-9915-9db84f0d1cea", "VISIO_CLIENT_SUBSCRIPTION", "User");
    public static final ServicePlan PHONE = new ServicePlan("4828c8ec-dc2e-4779-b502-87ac9ce28ab7", "MCOEV", "User");

    public static final String SPE_E5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
    public static final String SPE_E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    public static final String O365_E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    public static final String EXCHANGE_P1 = "4b9405b0-7788-4568-add1-99614e613b69";
    public static final String POWER_BI_PRO = "f8a1db68-be16-40ed-86d5-cb42ce701560";
    public static final String FLOW_FREE = "f30db892-07e9-47e9-837c-80727f46fd3d";
    public static final String VISIO_P2 = "c5928f49-12ba-48f7-ada3-0d743a3601d5";

    /** SKU templates (prepaid units are set by the generator from what it assigns). */
    public static List<Sku> skus() {
        return List.of(
                sku(SPE_E5, "SPE_E5", "MICROSOFT 365 E5", List.of(EXCHANGE_ENTERPRISE, SHAREPOINT, OFFICE_WEB, TEAMS, OFFICE_APPS, SKYPE, YAMMER, POWER_BI, PHONE)),
                sku(SPE_E3, "SPE_E3", "MICROSOFT 365 E3", List.of(EXCHANGE_ENTERPRISE, SHAREPOINT, OFFICE_WEB, TEAMS, OFFICE_APPS, SKYPE, YAMMER)),
                sku(O365_E3, "ENTERPRISEPACK", "OFFICE 365 E3", List.of(EXCHANGE_ENTERPRISE, SHAREPOINT, OFFICE_WEB, TEAMS, OFFICE_APPS, SKYPE, YAMMER)),
                sku(EXCHANGE_P1, "EXCHANGESTANDARD", "EXCHANGE ONLINE (PLAN 1)", List.of(EXCHANGE_STANDARD)),
                sku(POWER_BI_PRO, "POWER_BI_PRO", "POWER BI PRO", List.of(POWER_BI)),
                sku(FLOW_FREE, "FLOW_FREE", "MICROSOFT POWER AUTOMATE FREE", List.of(FLOW_FREE_PLAN)),
                sku(VISIO_P2, "VISIOCLIENT", "VISIO PLAN 2", List.of(VISIO)));
    }

    private static Sku sku(String id, String part, String product, List<ServicePlan> plans) {
        return new Sku(id, part, product, "User", "Enabled", 0, 0, 0, 0, plans, List.of());
    }

    /** A built-in directory role: template id (= unifiedRoleDefinition id), name, description, sample actions. */
    public record RoleTemplate(String templateId, String displayName, String description, List<String> allowedResourceActions) {
    }

    public static final RoleTemplate GLOBAL_ADMIN = new RoleTemplate("62e90394-69f5-4237-9190-012177145e10", "Global Administrator",
            "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.",
            List.of("microsoft.directory/users/allProperties/allTasks", "microsoft.directory/groups/allProperties/allTasks"));
    public static final RoleTemplate USER_ADMIN = new RoleTemplate("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator",
            "Can manage all aspects of users and groups, including resetting passwords for limited admins.",
            List.of("microsoft.directory/users/create", "microsoft.directory/users/delete", "microsoft.directory/users/password/update"));
    public static final RoleTemplate GLOBAL_READER = new RoleTemplate("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader",
            "Can read everything that a Global Administrator can, but not update anything.",
            List.of("microsoft.directory/users/allProperties/read", "microsoft.directory/groups/allProperties/read"));
    public static final RoleTemplate REPORTS_READER = new RoleTemplate("4a5d8f65-41da-4de4-8968-e035b65339cf", "Reports Reader",
            "Can read sign-in and audit reports.", List.of("microsoft.office365.usageReports/allEntities/allProperties/read"));
    public static final RoleTemplate TEAMS_ADMIN = new RoleTemplate("69091246-20e8-4a56-aa4d-066075b2a7a8", "Teams Administrator",
            "Can manage the Microsoft Teams service.", List.of("microsoft.teams/allEntities/allProperties/allTasks"));
    public static final RoleTemplate LICENSE_ADMIN = new RoleTemplate("4d6ac14f-3453-41d0-bef9-a3e0c569773a", "License Administrator",
            "Can manage product licenses on users and groups.", List.of("microsoft.directory/users/assignLicense", "microsoft.directory/groups/assignLicense"));
    public static final RoleTemplate EXCHANGE_ADMIN = new RoleTemplate("29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator",
            "Can manage all aspects of the Exchange product.", List.of("microsoft.office365.exchange/allEntities/basic/allTasks"));
    public static final RoleTemplate HELPDESK_ADMIN = new RoleTemplate("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator",
            "Can reset passwords for non-administrators and Helpdesk Administrators.", List.of("microsoft.directory/users/password/update"));
    public static final RoleTemplate PRIVILEGED_AUTH_ADMIN = new RoleTemplate("7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator",
            "Can access to view, set and reset authentication method information for any user (admin or non-admin).",
            List.of("microsoft.directory/users/authenticationMethods/create", "microsoft.directory/users/password/update"));

    public static final List<RoleTemplate> ROLE_TEMPLATES = List.of(GLOBAL_ADMIN, USER_ADMIN, GLOBAL_READER, REPORTS_READER,
            TEAMS_ADMIN, LICENSE_ADMIN, EXCHANGE_ADMIN, HELPDESK_ADMIN, PRIVILEGED_AUTH_ADMIN);

    public static RoleTemplate roleTemplate(String templateId) {
        for (RoleTemplate t : ROLE_TEMPLATES) {
            if (t.templateId().equalsIgnoreCase(templateId)) {
                return t;
            }
        }
        return null;
    }

    /** First-party Microsoft applications present in every tenant (appId → display name). */
    public static final Map<String, String> FIRST_PARTY_APPS = Map.of(
            AppOperations.GRAPH_APP_ID, "Microsoft Graph",
            "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online",
            "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online",
            "1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams",
            "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams Services",
            "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal",
            "4765445b-32c6-49b0-83e6-1d93765276ca", "OfficeHome");

    /** An app role (application permission) a resource service principal defines. */
    public record AppRole(String id, String value, String displayName, String description) {
    }

    /**
     * Application permissions of Microsoft Graph's service principal, with their real app role ids (as listed in
     * Microsoft's permissions reference and used by public app manifests): the roles generated third-party apps
     * hold and the Graph service principal's {@code appRoles}.
     */
    public static final List<AppRole> GRAPH_APP_ROLES = List.of(
            new AppRole("df021288-bdef-4463-88db-98f22de89214", "User.Read.All", "Read all users' full profiles",
                    "Allows the app to read user profiles without a signed in user."),
            new AppRole("98830695-27a2-44f7-8c18-0c3ebc9698f6", "GroupMember.Read.All", "Read all group memberships",
                    "Allows the app to read memberships and basic group properties for all groups without a signed-in user."),
            new AppRole("5b567255-7703-4780-807c-7be8301ae99b", "Group.Read.All", "Read all groups",
                    "Allows the app to read group properties and memberships, and read conversations for all groups, without a signed-in user."),
            new AppRole("7ab1d382-f21e-4acd-a863-ba3e13f7da61", "Directory.Read.All", "Read directory data",
                    "Allows the app to read data in your organization's directory, such as users, groups and apps, without a signed-in user."),
            new AppRole("810c84a8-4a9e-49e6-bf7d-12d183f40d01", "Mail.Read", "Read mail in all mailboxes",
                    "Allows the app to read mail in all mailboxes without a signed-in user."),
            new AppRole("b633e1c5-b582-4048-a93e-9f11b44c7e96", "Mail.Send", "Send mail as any user",
                    "Allows the app to send mail as any user without a signed-in user."),
            new AppRole("01d4889c-1287-42c6-ac1f-5d1e02578ef6", "Files.Read.All", "Read files in all site collections",
                    "Allows the app to read all files in all site collections without a signed in user."),
            new AppRole("9492366f-7969-46a4-8d15-ed1a20078fff", "Sites.ReadWrite.All", "Read and write items in all site collections",
                    "Allows the app to create, read, update, and delete documents and list items in all site collections without a signed in user."),
            new AppRole("b0afded3-3588-46d8-8b3d-9842eff778da", "AuditLog.Read.All", "Read all audit log data",
                    "Allows the app to read and query your audit log activities, without a signed-in user."),
            new AppRole("230c1aed-a721-4c5d-9cb4-a90514e508ef", "Reports.Read.All", "Read all usage reports",
                    "Allows an app to read all service usage reports without a signed-in user."));

    /** The Graph app role with this id or permission value, or null. */
    public static AppRole graphAppRole(String idOrValue) {
        for (AppRole r : GRAPH_APP_ROLES) {
            if (r.id().equalsIgnoreCase(idOrValue) || r.value().equalsIgnoreCase(idOrValue)) {
                return r;
            }
        }
        return null;
    }
}
