package io.m365platform.contracts.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.m365platform.contracts.Checks;

/**
 * A verified domain of the tenant (Graph {@code verifiedDomain}).
 *
 * @param name         domain name
 * @param isDefault    default domain for new users
 * @param isInitial    the initial {@code *.onmicrosoft.com} domain
 * @param type         Managed or Federated
 * @param capabilities e.g. {@code Email, OfficeCommunicationsOnline}
 */
public record VerifiedDomain(String name, @JsonProperty("isDefault") boolean isDefault,
                             @JsonProperty("isInitial") boolean isInitial, String type, String capabilities) {

    public VerifiedDomain {
        Checks.requireText(name, "name");
    }
}
