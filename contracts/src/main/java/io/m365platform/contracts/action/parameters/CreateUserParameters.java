package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * create-user. No password is ever part of an event: action-service generates the initial password, sets
 * {@code forceChangePasswordNextSignIn} and hands it over out of band.
 *
 * @param userPrincipalName             UPN on a verified domain
 * @param displayName                   display name
 * @param mailNickname                  mail alias
 * @param givenName                     first name
 * @param surname                       last name
 * @param jobTitle                      job title
 * @param department                    department
 * @param officeLocation                office
 * @param usageLocation                 two-letter country code (needed before licensing)
 * @param accountEnabled                enable sign-in at once (default true)
 * @param managerId                     manager to set after creation
 * @param forceChangePasswordNextSignIn require a new password at first sign-in (default true)
 */
public record CreateUserParameters(String userPrincipalName, String displayName, String mailNickname,
                                   String givenName, String surname, String jobTitle, String department,
                                   String officeLocation, String usageLocation, Boolean accountEnabled,
                                   String managerId, Boolean forceChangePasswordNextSignIn)
        implements ActionParameters {

    public CreateUserParameters {
        Checks.requireText(userPrincipalName, "userPrincipalName");
        Checks.requireText(displayName, "displayName");
        Checks.requireText(mailNickname, "mailNickname");
    }

    @Override
    public String targetId() {
        return null;
    }
}
