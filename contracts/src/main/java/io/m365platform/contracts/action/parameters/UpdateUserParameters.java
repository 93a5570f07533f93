package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

import java.util.stream.Stream;

/**
 * update-user: the fields to change (null = leave unchanged; at least one must be set).
 *
 * @param userId         user
 * @param displayName    new display name
 * @param givenName      new first name
 * @param surname        new last name
 * @param jobTitle       new job title
 * @param department     new department
 * @param officeLocation new office
 * @param usageLocation  new usage location
 * @param mobilePhone    new mobile phone
 * @param companyName    new company name
 * @param employeeId     new employee id
 */
public record UpdateUserParameters(String userId, String displayName, String givenName, String surname,
                                   String jobTitle, String department, String officeLocation, String usageLocation,
                                   String mobilePhone, String companyName, String employeeId)
        implements ActionParameters {

    public UpdateUserParameters {
        Checks.requireText(userId, "userId");
        if (Stream.of(displayName, givenName, surname, jobTitle, department, officeLocation, usageLocation,
                mobilePhone, companyName, employeeId).allMatch(v -> v == null)) {
            throw new IllegalArgumentException("update-user needs at least one field to change");
        }
    }

    @Override
    public String targetId() {
        return userId;
    }
}
