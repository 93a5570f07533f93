package io.m365platform.graphsim.model;

import java.time.Instant;
import java.util.List;

/**
 * A directory user as the tenant knows it (ground truth). Immutable: a change replaces the record. Values drawn
 * from small pools (names, departments, cities…) share their String instances across users, which keeps a
 * million users within a few hundred MB. {@code assignedLicenses} are the direct assignments only; licenses
 * inherited from groups are added when the user is served.
 */
public record User(
        String id,
        String userPrincipalName,
        String displayName,
        String givenName,
        String surname,
        String mail,
        String mailNickname,
        String jobTitle,
        String department,
        String officeLocation,
        String companyName,
        String employeeId,
        String employeeType,
        String city,
        String country,
        String usageLocation,
        String preferredLanguage,
        String mobilePhone,
        List<String> businessPhones,
        boolean accountEnabled,
        String userType,
        String externalUserState,
        Instant createdDateTime,
        Instant lastPasswordChangeDateTime,
        String managerId,
        List<AssignedLicense> assignedLicenses,
        SignInActivity signInActivity) {

    public static final String MEMBER = "Member";
    public static final String GUEST = "Guest";

    public User {
        businessPhones = businessPhones == null ? List.of() : List.copyOf(businessPhones);
        assignedLicenses = assignedLicenses == null ? List.of() : List.copyOf(assignedLicenses);
        userType = userType == null ? MEMBER : userType;
        signInActivity = signInActivity == null ? SignInActivity.NEVER : signInActivity;
    }

    public boolean isGuest() {
        return GUEST.equals(userType);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change helper, because a 27-component record has no practical "with". */
    public static final class Builder {
        private String id, userPrincipalName, displayName, givenName, surname, mail, mailNickname, jobTitle, department,
                officeLocation, companyName, employeeId, employeeType, city, country, usageLocation, preferredLanguage,
                mobilePhone, userType, externalUserState, managerId;
        private List<String> businessPhones = List.of();
        private boolean accountEnabled = true;
        private Instant createdDateTime;
        private Instant lastPasswordChangeDateTime;
        private List<AssignedLicense> assignedLicenses = List.of();
        private SignInActivity signInActivity = SignInActivity.NEVER;

        public Builder() {
        }

        private Builder(User u) {
            id = u.id; userPrincipalName = u.userPrincipalName; displayName = u.displayName; givenName = u.givenName;
            surname = u.surname; mail = u.mail; mailNickname = u.mailNickname; jobTitle = u.jobTitle;
            department = u.department; officeLocation = u.officeLocation; companyName = u.companyName;
            employeeId = u.employeeId; employeeType = u.employeeType; city = u.city;
            country = u.country; usageLocation = u.usageLocation; preferredLanguage = u.preferredLanguage;
            mobilePhone = u.mobilePhone; businessPhones = u.businessPhones; accountEnabled = u.accountEnabled;
            userType = u.userType; externalUserState = u.externalUserState; createdDateTime = u.createdDateTime;
            lastPasswordChangeDateTime = u.lastPasswordChangeDateTime; managerId = u.managerId;
            assignedLicenses = u.assignedLicenses; signInActivity = u.signInActivity;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder userPrincipalName(String v) { userPrincipalName = v; return this; }
        public Builder displayName(String v) { displayName = v; return this; }
        public Builder givenName(String v) { givenName = v; return this; }
        public Builder surname(String v) { surname = v; return this; }
        public Builder mail(String v) { mail = v; return this; }
        public Builder mailNickname(String v) { mailNickname = v; return this; }
        public Builder jobTitle(String v) { jobTitle = v; return this; }
        public Builder department(String v) { department = v; return this; }
        public Builder officeLocation(String v) { officeLocation = v; return this; }
        public Builder companyName(String v) { companyName = v; return this; }
        public Builder employeeId(String v) { employeeId = v; return this; }
        public Builder employeeType(String v) { employeeType = v; return this; }
        public Builder city(String v) { city = v; return this; }
        public Builder country(String v) { country = v; return this; }
        public Builder usageLocation(String v) { usageLocation = v; return this; }
        public Builder preferredLanguage(String v) { preferredLanguage = v; return this; }
        public Builder mobilePhone(String v) { mobilePhone = v; return this; }
        public Builder businessPhones(List<String> v) { businessPhones = v; return this; }
        public Builder accountEnabled(boolean v) { accountEnabled = v; return this; }
        public Builder userType(String v) { userType = v; return this; }
        public Builder externalUserState(String v) { externalUserState = v; return this; }
        public Builder createdDateTime(Instant v) { createdDateTime = v; return this; }
        public Builder lastPasswordChangeDateTime(Instant v) { lastPasswordChangeDateTime = v; return this; }
        public Builder signInActivity(SignInActivity v) { signInActivity = v; return this; }
        public Builder managerId(String v) { managerId = v; return this; }
        public Builder assignedLicenses(List<AssignedLicense> v) { assignedLicenses = v; return this; }

        public User build() {
            return new User(id, userPrincipalName, displayName, givenName, surname, mail, mailNickname, jobTitle,
                    department, officeLocation, companyName, employeeId, employeeType, city, country, usageLocation,
                    preferredLanguage, mobilePhone, businessPhones, accountEnabled, userType, externalUserState,
                    createdDateTime, lastPasswordChangeDateTime, managerId, assignedLicenses, signInActivity);
        }
    }
}
