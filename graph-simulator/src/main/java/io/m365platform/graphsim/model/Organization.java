package io.m365platform.graphsim.model;

import java.time.Instant;
import java.util.List;

/** The tenant's organization object. The first verified domain is the initial *.onmicrosoft.com domain. */
public record Organization(String displayName, List<String> verifiedDomains, String defaultDomain,
                           String countryLetterCode, String city, String country, String preferredLanguage,
                           Instant createdDateTime) {
    public Organization {
        verifiedDomains = List.copyOf(verifiedDomains);
    }

    public String initialDomain() {
        return verifiedDomains.get(0);
    }
}
