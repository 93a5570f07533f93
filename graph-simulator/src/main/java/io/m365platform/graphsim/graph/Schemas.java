package io.m365platform.graphsim.graph;

import io.m365platform.graphsim.graph.Views.LicenseDetailView;
import io.m365platform.graphsim.graph.Views.MemberView;
import io.m365platform.graphsim.graph.Views.OrganizationView;
import io.m365platform.graphsim.graph.Views.RoleView;
import io.m365platform.graphsim.graph.Views.SkuView;
import io.m365platform.graphsim.graph.Views.UserView;
import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.Channel;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.ServicePlan;
import io.m365platform.graphsim.model.ServicePrincipal;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.LicenseState;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The served shape of every entity type (names checked against graph-v1.0-csdl.xml by a test). */
final class Schemas {
    private Schemas() {
    }

    /** Needs AuditLog.Read.All, pages of at most 500, not on delta (see UsersModule). */
    static final String SIGN_IN_ACTIVITY = "signInActivity";

    static final Instant LICENSE_UPDATED = Instant.parse("2024-01-15T10:00:00Z");

    static final EntitySchema<UserView> USER = new EntitySchema<UserView>("user", "#microsoft.graph.user")
            .p("id", v -> v.user().id())
            .p("businessPhones", v -> v.user().businessPhones())
            .p("displayName", v -> v.user().displayName())
            .p("givenName", v -> v.user().givenName())
            .p("jobTitle", v -> v.user().jobTitle())
            .p("mail", v -> v.user().mail())
            .p("mobilePhone", v -> v.user().mobilePhone())
            .p("officeLocation", v -> v.user().officeLocation())
            .p("preferredLanguage", v -> v.user().preferredLanguage())
            .p("surname", v -> v.user().surname())
            .p("userPrincipalName", v -> v.user().userPrincipalName())
            .s("accountEnabled", v -> v.user().accountEnabled())
            .s("userType", v -> v.user().userType())
            .s("department", v -> v.user().department())
            .s("companyName", v -> v.user().companyName())
            .s("employeeId", v -> v.user().employeeId())
            .s("employeeType", v -> v.user().employeeType())
            .s("lastPasswordChangeDateTime", v -> v.user().lastPasswordChangeDateTime())
            .s(SIGN_IN_ACTIVITY, v -> signInActivity(v.user().signInActivity()))
            .s("city", v -> v.user().city())
            .s("country", v -> v.user().country())
            .s("usageLocation", v -> v.user().usageLocation())
            .s("createdDateTime", v -> v.user().createdDateTime())
            .s("mailNickname", v -> v.user().mailNickname())
            .s("externalUserState", v -> v.user().externalUserState())
            .s("creationType", v -> v.user().isGuest() ? "Invitation" : null)
            .s("assignedLicenses", v -> assignedLicenses(v.licenses()))
            .s("licenseAssignmentStates", v -> licenseStates(v.states()))
            .s("proxyAddresses", v -> v.user().mail() == null ? List.of() : List.of("SMTP:" + v.user().mail()))
            .s("otherMails", v -> List.of())
            .s("deletedDateTime", v -> null)
            .s("onPremisesSyncEnabled", v -> null)
            .filterable("id", "accountEnabled", "userType", "displayName", "givenName", "surname", "userPrincipalName",
                    "mail", "department", "jobTitle", "city", "country", "usageLocation", "companyName", "createdDateTime",
                    "mailNickname", "assignedLicenses", "externalUserState", "proxyAddresses", "creationType", "officeLocation",
                    "employeeId", "employeeType");

    static Map<String, Object> signInActivity(io.m365platform.graphsim.model.SignInActivity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lastSignInDateTime", a.lastSignInDateTime());
        m.put("lastSignInRequestId", a.lastSignInRequestId());
        m.put("lastNonInteractiveSignInDateTime", a.lastNonInteractiveSignInDateTime());
        m.put("lastNonInteractiveSignInRequestId", a.lastNonInteractiveSignInRequestId());
        m.put("lastSuccessfulSignInDateTime", a.lastSuccessfulSignInDateTime());
        m.put("lastSuccessfulSignInRequestId", a.lastSuccessfulSignInRequestId());
        return m;
    }

    static List<Object> assignedLicenses(List<AssignedLicense> licenses) {
        List<Object> result = new ArrayList<>(licenses.size());
        for (AssignedLicense l : licenses) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("disabledPlans", l.disabledPlans());
            m.put("skuId", l.skuId());
            result.add(m);
        }
        return result;
    }

    private static List<Object> licenseStates(List<LicenseState> states) {
        List<Object> result = new ArrayList<>(states.size());
        for (LicenseState s : states) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("assignedByGroup", s.assignedByGroup());
            m.put("disabledPlans", s.disabledPlans());
            m.put("error", "None");
            m.put("lastUpdatedDateTime", LICENSE_UPDATED);
            m.put("skuId", s.skuId());
            m.put("state", "Active");
            result.add(m);
        }
        return result;
    }

    static final EntitySchema<Group> GROUP = new EntitySchema<Group>("group", "#microsoft.graph.group")
            .p("id", Group::id)
            .p("deletedDateTime", g -> null)
            .p("classification", g -> null)
            .p("createdDateTime", Group::createdDateTime)
            .p("description", Group::description)
            .p("displayName", Group::displayName)
            .p("expirationDateTime", g -> null)
            .p("groupTypes", Group::groupTypes)
            .p("isAssignableToRole", g -> false)
            .p("mail", Group::mail)
            .p("mailEnabled", Group::mailEnabled)
            .p("mailNickname", Group::mailNickname)
            .p("membershipRule", Group::membershipRule)
            .p("membershipRuleProcessingState", Group::membershipRuleProcessingState)
            .p("onPremisesSyncEnabled", g -> null)
            .p("preferredDataLocation", g -> null)
            .p("preferredLanguage", g -> null)
            .p("proxyAddresses", g -> g.mail() == null ? List.of() : List.of("SMTP:" + g.mail()))
            .p("renewedDateTime", Group::createdDateTime)
            .p("resourceBehaviorOptions", g -> List.of())
            .p("resourceProvisioningOptions", Group::resourceProvisioningOptions)
            .p("securityEnabled", Group::securityEnabled)
            .p("securityIdentifier", g -> securityIdentifier(g.id()))
            .p("theme", g -> null)
            .p("visibility", Group::visibility)
            .s("assignedLicenses", g -> assignedLicenses(g.assignedLicenses()))
            .filterable("id", "displayName", "mail", "mailEnabled", "mailNickname", "securityEnabled", "groupTypes",
                    "resourceProvisioningOptions", "createdDateTime", "visibility", "assignedLicenses", "proxyAddresses");

    /** S-1-12-1-… as Entra derives it from the object id. */
    static String securityIdentifier(String objectId) {
        UUID u = UUID.fromString(objectId);
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        return "S-1-12-1-" + Integer.toUnsignedString((int) (hi >>> 32)) + "-" + Integer.toUnsignedString((int) hi)
                + "-" + Integer.toUnsignedString((int) (lo >>> 32)) + "-" + Integer.toUnsignedString((int) lo);
    }

    static final EntitySchema<SkuView> SUBSCRIBED_SKU = new EntitySchema<SkuView>("subscribedSku", "#microsoft.graph.subscribedSku")
            .p("accountId", SkuView::tenantId)
            .p("accountName", SkuView::accountName)
            .p("appliesTo", v -> v.sku().appliesTo())
            .p("capabilityStatus", v -> v.sku().capabilityStatus())
            .p("consumedUnits", SkuView::consumedUnits)
            .p("id", v -> v.tenantId() + "_" + v.sku().skuId())
            .p("skuId", v -> v.sku().skuId())
            .p("skuPartNumber", v -> v.sku().skuPartNumber())
            .p("subscriptionIds", v -> v.sku().subscriptionIds())
            .p("prepaidUnits", v -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enabled", v.sku().prepaidEnabled());
                m.put("lockedOut", v.sku().prepaidLockedOut());
                m.put("suspended", v.sku().prepaidSuspended());
                m.put("warning", v.sku().prepaidWarning());
                return m;
            })
            .p("servicePlans", v -> servicePlans(v.sku(), List.of()));

    static List<Object> servicePlans(Sku sku, List<String> disabled) {
        List<Object> result = new ArrayList<>();
        for (ServicePlan p : sku.servicePlans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("servicePlanId", p.servicePlanId());
            m.put("servicePlanName", p.servicePlanName());
            m.put("provisioningStatus", disabled.contains(p.servicePlanId()) ? "Disabled" : "Success");
            m.put("appliesTo", p.appliesTo());
            result.add(m);
        }
        return result;
    }

    static final EntitySchema<LicenseDetailView> LICENSE_DETAILS = new EntitySchema<LicenseDetailView>("licenseDetails", "#microsoft.graph.licenseDetails")
            .p("id", v -> Base64.getUrlEncoder().withoutPadding().encodeToString((v.userId() + v.sku().skuId()).getBytes(StandardCharsets.US_ASCII)).substring(0, 43))
            .p("skuId", v -> v.sku().skuId())
            .p("skuPartNumber", v -> v.sku().skuPartNumber())
            .p("servicePlans", v -> servicePlans(v.sku(), v.state().disabledPlans()));

    static final EntitySchema<OrganizationView> ORGANIZATION = new EntitySchema<OrganizationView>("organization", "#microsoft.graph.organization")
            .p("id", OrganizationView::tenantId)
            .p("deletedDateTime", v -> null)
            .p("businessPhones", v -> List.of("+1 425 555 0100"))
            .p("city", v -> v.organization().city())
            .p("country", v -> v.organization().country())
            .p("countryLetterCode", v -> v.organization().countryLetterCode())
            .p("createdDateTime", v -> v.organization().createdDateTime())
            .p("defaultUsageLocation", v -> v.organization().countryLetterCode())
            .p("displayName", v -> v.organization().displayName())
            .p("marketingNotificationEmails", v -> List.of())
            .p("onPremisesLastSyncDateTime", v -> null)
            .p("onPremisesSyncEnabled", v -> null)
            .p("postalCode", v -> "98052")
            .p("preferredLanguage", v -> v.organization().preferredLanguage())
            .p("securityComplianceNotificationMails", v -> List.of())
            .p("securityComplianceNotificationPhones", v -> List.of())
            .p("state", v -> null)
            .p("street", v -> "1 Simulator Way")
            .p("technicalNotificationMails", v -> v.technicalMail() == null ? List.of() : List.of(v.technicalMail()))
            .p("tenantType", v -> "AAD")
            .p("assignedPlans", Schemas::assignedPlans)
            .p("provisionedPlans", v -> List.of())
            .p("verifiedDomains", v -> {
                List<Object> result = new ArrayList<>();
                List<String> domains = v.organization().verifiedDomains();
                for (int i = 0; i < domains.size(); i++) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("capabilities", "Email, OfficeCommunicationsOnline");
                    m.put("isDefault", domains.get(i).equalsIgnoreCase(v.organization().defaultDomain()));
                    m.put("isInitial", i == 0);
                    m.put("name", domains.get(i));
                    m.put("type", "Managed");
                    result.add(m);
                }
                return result;
            });

    private static List<Object> assignedPlans(OrganizationView v) {
        List<Object> result = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Sku sku : v.skus()) {
            for (ServicePlan p : sku.servicePlans()) {
                if (seen.add(p.servicePlanId())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("assignedDateTime", v.organization().createdDateTime());
                    m.put("capabilityStatus", "Enabled");
                    m.put("service", p.servicePlanName());
                    m.put("servicePlanId", p.servicePlanId());
                    result.add(m);
                }
            }
        }
        return result;
    }

    static final EntitySchema<RoleView> DIRECTORY_ROLE = new EntitySchema<RoleView>("directoryRole", "#microsoft.graph.directoryRole")
            .p("id", v -> v.role().id())
            .p("deletedDateTime", v -> null)
            .p("description", v -> v.template().description())
            .p("displayName", v -> v.template().displayName())
            .p("roleTemplateId", v -> v.role().roleTemplateId())
            .filterable("roleTemplateId", "displayName");

    static final EntitySchema<Catalog.RoleTemplate> ROLE_DEFINITION = new EntitySchema<Catalog.RoleTemplate>("unifiedRoleDefinition", "#microsoft.graph.unifiedRoleDefinition")
            .p("id", Catalog.RoleTemplate::templateId)
            .p("description", Catalog.RoleTemplate::description)
            .p("displayName", Catalog.RoleTemplate::displayName)
            .p("isBuiltIn", t -> true)
            .p("isEnabled", t -> true)
            .p("resourceScopes", t -> List.of("/"))
            .p("templateId", Catalog.RoleTemplate::templateId)
            .p("version", t -> "1")
            .p("rolePermissions", t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("allowedResourceActions", t.allowedResourceActions());
                m.put("condition", null);
                return List.of(m);
            })
            .filterable("id", "displayName", "templateId", "isBuiltIn");

    static final EntitySchema<RoleAssignment> ROLE_ASSIGNMENT = new EntitySchema<RoleAssignment>("unifiedRoleAssignment", "#microsoft.graph.unifiedRoleAssignment")
            .p("id", RoleAssignment::id)
            .p("principalId", RoleAssignment::principalId)
            .p("roleDefinitionId", RoleAssignment::roleDefinitionId)
            .p("directoryScopeId", RoleAssignment::directoryScopeId)
            .p("appScopeId", a -> null)
            .p("condition", a -> null)
            .filterable("principalId", "roleDefinitionId", "directoryScopeId", "id");

    static final EntitySchema<ServicePrincipal> SERVICE_PRINCIPAL = new EntitySchema<ServicePrincipal>("servicePrincipal", "#microsoft.graph.servicePrincipal")
            .p("id", ServicePrincipal::id)
            .p("deletedDateTime", s -> null)
            .p("accountEnabled", ServicePrincipal::accountEnabled)
            .p("alternativeNames", s -> List.of())
            .p("appDisplayName", ServicePrincipal::displayName)
            .p("appDescription", s -> null)
            .p("appId", ServicePrincipal::appId)
            .p("applicationTemplateId", s -> null)
            .p("appOwnerOrganizationId", ServicePrincipal::appOwnerOrganizationId)
            .p("appRoleAssignmentRequired", s -> false)
            .p("description", s -> null)
            .p("displayName", ServicePrincipal::displayName)
            .p("homepage", ServicePrincipal::homepage)
            .p("loginUrl", s -> null)
            .p("logoutUrl", s -> null)
            .p("notes", s -> null)
            .p("notificationEmailAddresses", s -> List.of())
            .p("preferredSingleSignOnMode", s -> null)
            .p("replyUrls", ServicePrincipal::replyUrls)
            .p("servicePrincipalNames", s -> List.of(s.appId()))
            .p("servicePrincipalType", s -> "Application")
            .p("signInAudience", ServicePrincipal::signInAudience)
            .p("tags", ServicePrincipal::tags)
            .p("appRoles", s -> io.m365platform.graphsim.tenant.AppOperations.GRAPH_APP_ID.equals(s.appId()) ? graphAppRoles() : List.of())
            .p("oauth2PermissionScopes", s -> List.of())
            .p("keyCredentials", s -> List.of())
            .p("passwordCredentials", s -> List.of())
            .p("verifiedPublisher", s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("displayName", s.verifiedPublisherName());
                m.put("verifiedPublisherId", s.verifiedPublisherId());
                m.put("addedDateTime", s.verifiedPublisherAddedDateTime());
                return m;
            })
            .filterable("id", "appId", "displayName", "appOwnerOrganizationId", "servicePrincipalType", "accountEnabled", "tags", "signInAudience");

    static final EntitySchema<OAuth2PermissionGrant> PERMISSION_GRANT = new EntitySchema<OAuth2PermissionGrant>("oAuth2PermissionGrant", "#microsoft.graph.oAuth2PermissionGrant")
            .p("clientId", OAuth2PermissionGrant::clientId)
            .p("consentType", OAuth2PermissionGrant::consentType)
            .p("id", OAuth2PermissionGrant::id)
            .p("principalId", OAuth2PermissionGrant::principalId)
            .p("resourceId", OAuth2PermissionGrant::resourceId)
            .p("scope", OAuth2PermissionGrant::scope)
            .filterable("clientId", "consentType", "principalId", "resourceId", "id");

    static final EntitySchema<MemberView> TEAM_MEMBER = new EntitySchema<MemberView>("aadUserConversationMember", "#microsoft.graph.aadUserConversationMember")
            .p("id", Schemas::membershipId)
            .p("roles", v -> v.owner() ? List.of("owner") : v.user().isGuest() ? List.of("guest") : List.of())
            .p("displayName", v -> v.user().displayName())
            .p("visibleHistoryStartDateTime", v -> "0001-01-01T00:00:00Z")
            .p("userId", v -> v.user().id())
            .p("email", v -> v.user().mail())
            .p("tenantId", MemberView::tenantId)
            .filterable("displayName", "email", "microsoft.graph.aadUserConversationMember", "userId", "roles");

    /** Opaque membership id (base64 of team and user), as Teams returns: not the user id. */
    static String membershipId(MemberView v) {
        return Base64.getEncoder().encodeToString(("0#" + v.teamId() + "##" + v.user().id()).getBytes(StandardCharsets.US_ASCII));
    }

    static final EntitySchema<Channel> CHANNEL = new EntitySchema<Channel>("channel", "#microsoft.graph.channel")
            .p("id", Channel::id)
            .p("createdDateTime", Channel::createdDateTime)
            .p("displayName", Channel::displayName)
            .p("description", Channel::description)
            .p("isFavoriteByDefault", Channel::isFavoriteByDefault)
            .p("email", c -> "")
            .p("membershipType", Channel::membershipType)
            .p("isArchived", Channel::isArchived)
            .filterable("displayName", "membershipType", "id");

    private static List<Object> graphAppRoles() {
        List<Object> result = new ArrayList<>();
        for (Catalog.AppRole r : Catalog.GRAPH_APP_ROLES) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("allowedMemberTypes", List.of("Application"));
            m.put("description", r.description());
            m.put("displayName", r.displayName());
            m.put("id", r.id());
            m.put("isEnabled", true);
            m.put("origin", "Application");
            m.put("value", r.value());
            result.add(m);
        }
        return result;
    }

    static final EntitySchema<Views.AppRoleAssignmentView> APP_ROLE_ASSIGNMENT = new EntitySchema<Views.AppRoleAssignmentView>("appRoleAssignment", "#microsoft.graph.appRoleAssignment")
            .p("id", v -> v.assignment().id())
            .p("deletedDateTime", v -> null)
            .p("appRoleId", v -> v.assignment().appRoleId())
            .p("createdDateTime", v -> v.assignment().createdDateTime())
            .p("principalDisplayName", Views.AppRoleAssignmentView::principalDisplayName)
            .p("principalId", v -> v.assignment().principalId())
            .p("principalType", v -> "ServicePrincipal")
            .p("resourceDisplayName", Views.AppRoleAssignmentView::resourceDisplayName)
            .p("resourceId", v -> v.assignment().resourceId())
            .filterable("resourceId", "appRoleId", "principalId", "id");

    /** Teams' default settings: a generated team keeps them (they are not changed through the simulator). */
    private static Map<String, Object> settings(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static final EntitySchema<Views.TeamView> TEAM = new EntitySchema<Views.TeamView>("team", "#microsoft.graph.team")
            .p("id", v -> v.group().id())
            .p("createdDateTime", v -> v.group().createdDateTime())
            .p("displayName", v -> v.group().displayName())
            .p("description", v -> v.group().description())
            .p("internalId", v -> "19:" + v.group().id().replace("-", "").substring(0, 24) + "@thread.tacv2")
            .p("classification", v -> v.team().classification())
            .p("specialization", v -> "none")
            .p("visibility", v -> v.group().visibility() == null ? null : v.group().visibility().toLowerCase(java.util.Locale.ROOT))
            .p("webUrl", v -> "https://teams.microsoft.com/l/team/" + java.net.URLEncoder.encode("19:" + v.group().id().replace("-", "").substring(0, 24) + "@thread.tacv2", StandardCharsets.UTF_8)
                    + "/conversations?groupId=" + v.group().id() + "&tenantId=" + v.tenantId())
            .p("isArchived", v -> v.team().isArchived())
            .p("tenantId", Views.TeamView::tenantId)
            .p("memberSettings", v -> settings("allowCreateUpdateChannels", true, "allowDeleteChannels", true,
                    "allowAddRemoveApps", true, "allowCreateUpdateRemoveTabs", true, "allowCreateUpdateRemoveConnectors", true,
                    "allowCreatePrivateChannels", true))
            .p("guestSettings", v -> settings("allowCreateUpdateChannels", false, "allowDeleteChannels", false))
            .p("messagingSettings", v -> settings("allowUserEditMessages", true, "allowUserDeleteMessages", true,
                    "allowOwnerDeleteMessages", true, "allowTeamMentions", true, "allowChannelMentions", true))
            .p("funSettings", v -> settings("allowGiphy", true, "giphyContentRating", "moderate", "allowStickersAndMemes", true,
                    "allowCustomMemes", true))
            .filterable("id", "displayName");

    static Map<String, Object> directoryObjectRef(String odataType, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@odata.type", odataType);
        m.put("id", id);
        return m;
    }
}
