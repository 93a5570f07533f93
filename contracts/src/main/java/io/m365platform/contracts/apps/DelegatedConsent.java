package io.m365platform.contracts.apps;

import io.m365platform.contracts.Checks;

import java.util.List;

/**
 * A delegated permission grant to the app (Graph {@code oAuth2PermissionGrant}).
 *
 * @param grantId             grant id
 * @param consentType         AllPrincipals (admin consent) or Principal (one user)
 * @param principalId         user who consented when consentType is Principal, else null
 * @param resourceId          service principal id of the API the scopes belong to (e.g. Microsoft Graph)
 * @param resourceDisplayName name of that API when known
 * @param scopes              granted scopes, e.g. {@code ["User.Read", "Mail.Read"]}
 */
public record DelegatedConsent(String grantId, ConsentType consentType, String principalId, String resourceId,
                               String resourceDisplayName, List<String> scopes) {

    public DelegatedConsent {
        Checks.requireText(grantId, "grantId");
        Checks.require(consentType, "consentType");
        Checks.requireText(resourceId, "resourceId");
        scopes = Checks.list(scopes);
        if (consentType == ConsentType.PRINCIPAL && (principalId == null || principalId.isBlank())) {
            throw new IllegalArgumentException("a Principal consent needs the principalId of the consenting user");
        }
    }
}
