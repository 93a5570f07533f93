package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * The tenant's organization object (Graph {@code organization}).
 *
 * @param id                    tenant id
 * @param displayName           organization name
 * @param countryLetterCode     country of the tenant
 * @param defaultUsageLocation  default usage location for new users, null when not set
 * @param preferredLanguage     preferred language
 * @param tenantType            e.g. AAD
 * @param createdDateTime       creation time of the tenant
 * @param onPremisesSyncEnabled directory synchronisation from on-premises is on
 * @param verifiedDomains       verified domains
 */
public record Organization(String id, String displayName, String countryLetterCode, String defaultUsageLocation,
                           String preferredLanguage, String tenantType, Instant createdDateTime,
                           Boolean onPremisesSyncEnabled, List<VerifiedDomain> verifiedDomains) {

    public Organization {
        Checks.requireText(id, "id");
        Checks.requireText(displayName, "displayName");
        verifiedDomains = Checks.list(verifiedDomains);
    }
}
