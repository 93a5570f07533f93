package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * The synced state of an Entra user. Property names are Graph's ({@code microsoft.graph.user}) so that a
 * reader of the Graph docs knows what each means; {@code managerId} is the id of {@code /users/{id}/manager}.
 *
 * @param id                              object id (GUID)
 * @param userPrincipalName               sign-in name; guests look like {@code alias_domain#EXT#@tenant...}
 * @param displayName                     display name
 * @param givenName                       first name
 * @param surname                         last name
 * @param mail                            primary SMTP address, null when the user has no mailbox
 * @param mailNickname                    mail alias
 * @param jobTitle                        job title
 * @param department                      department
 * @param companyName                     company name
 * @param officeLocation                  office
 * @param employeeId                      HR employee id
 * @param employeeType                    e.g. Employee, Contractor
 * @param city                            city
 * @param country                         country or region
 * @param mobilePhone                     mobile phone
 * @param businessPhones                  business phone numbers
 * @param preferredLanguage               ISO 639-1 language tag, e.g. en-US
 * @param accountEnabled                  whether sign-in is allowed
 * @param userType                        {@code Member} or {@code Guest}
 * @param createdDateTime                 when the user was created
 * @param lastPasswordChangeDateTime      last password change
 * @param usageLocation                   two-letter country code needed for licensing
 * @param managerId                       object id of the manager, null when none
 * @param assignedLicenses                licenses (direct and group-inherited)
 * @param signInActivity                  sign-in activity, null when the tenant or permissions do not provide it
 * @param externalUserState               guest invitation state: {@code PendingAcceptance}, {@code Accepted}
 * @param externalUserStateChangeDateTime when externalUserState last changed
 * @param onPremisesSyncEnabled           true when synced from on-premises AD (then most fields are read-only)
 */
public record DirectoryUser(
        String id,
        String userPrincipalName,
        String displayName,
        String givenName,
        String surname,
        String mail,
        String mailNickname,
        String jobTitle,
        String department,
        String companyName,
        String officeLocation,
        String employeeId,
        String employeeType,
        String city,
        String country,
        String mobilePhone,
        List<String> businessPhones,
        String preferredLanguage,
        Boolean accountEnabled,
        String userType,
        Instant createdDateTime,
        Instant lastPasswordChangeDateTime,
        String usageLocation,
        String managerId,
        List<AssignedLicense> assignedLicenses,
        SignInActivity signInActivity,
        String externalUserState,
        Instant externalUserStateChangeDateTime,
        Boolean onPremisesSyncEnabled) {

    public DirectoryUser {
        Checks.requireText(id, "id");
        Checks.requireText(userPrincipalName, "userPrincipalName");
        businessPhones = Checks.list(businessPhones);
        assignedLicenses = Checks.list(assignedLicenses);
    }
}
