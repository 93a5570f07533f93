package io.m365platform.contracts.apps;

import io.m365platform.contracts.Checks;

import java.util.List;

/**
 * A third-party application present in the tenant (a service principal not owned by Microsoft or by the
 * tenant itself) with every consent it holds.
 *
 * @param servicePrincipalId     service principal object id in the tenant
 * @param appId                  application (client) id, the same in every tenant
 * @param displayName            app name
 * @param publisherName          publisher name: Graph v1.0 has no {@code servicePrincipal.publisherName} (beta
 *                               only, not in the v1.0 CSDL), so producers set the verified publisher's name
 *                               when there is one, else a name from beta/other sources, else null
 * @param verifiedPublisher      MPN-verified publisher, null when unverified
 * @param appOwnerOrganizationId tenant id of the organisation that owns the app registration
 * @param servicePrincipalType   Application, ManagedIdentity, Legacy...
 * @param signInAudience         e.g. AzureADMultipleOrgs
 * @param homepage               app homepage
 * @param tags                   service principal tags
 * @param accountEnabled         whether users can sign in to the app
 * @param delegatedConsents      delegated grants: admin consents (AllPrincipals) and per-user consents
 * @param applicationPermissions application permissions (app-only) granted
 * @param adminConsented         true when any delegated consent is AllPrincipals or any app permission exists
 * @param consentedUserCount     distinct users with their own (Principal) consent
 */
public record ExternalApp(String servicePrincipalId, String appId, String displayName, String publisherName,
                          VerifiedPublisher verifiedPublisher, String appOwnerOrganizationId,
                          String servicePrincipalType, String signInAudience, String homepage, List<String> tags,
                          Boolean accountEnabled, List<DelegatedConsent> delegatedConsents,
                          List<ApplicationPermission> applicationPermissions, boolean adminConsented,
                          int consentedUserCount) {

    public ExternalApp {
        Checks.requireText(servicePrincipalId, "servicePrincipalId");
        Checks.requireText(appId, "appId");
        tags = Checks.list(tags);
        delegatedConsents = Checks.list(delegatedConsents);
        applicationPermissions = Checks.list(applicationPermissions);
        Checks.requireNonNegative(consentedUserCount, "consentedUserCount");
    }

    /** Derives {@code adminConsented} and {@code consentedUserCount} from the consents, so producers agree. */
    public static ExternalApp of(String servicePrincipalId, String appId, String displayName, String publisherName,
                                 VerifiedPublisher verifiedPublisher, String appOwnerOrganizationId,
                                 String servicePrincipalType, String signInAudience, String homepage,
                                 List<String> tags, Boolean accountEnabled, List<DelegatedConsent> delegatedConsents,
                                 List<ApplicationPermission> applicationPermissions) {
        List<DelegatedConsent> grants = Checks.list(delegatedConsents);
        List<ApplicationPermission> appPermissions = Checks.list(applicationPermissions);
        boolean admin = !appPermissions.isEmpty()
                || grants.stream().anyMatch(g -> g.consentType() == ConsentType.ALL_PRINCIPALS);
        int users = (int) grants.stream()
                .filter(g -> g.consentType() == ConsentType.PRINCIPAL)
                .map(DelegatedConsent::principalId)
                .distinct()
                .count();
        return new ExternalApp(servicePrincipalId, appId, displayName, publisherName, verifiedPublisher,
                appOwnerOrganizationId, servicePrincipalType, signInAudience, homepage, tags, accountEnabled,
                grants, appPermissions, admin, users);
    }
}
