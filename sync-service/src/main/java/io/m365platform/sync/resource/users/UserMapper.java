package io.m365platform.sync.resource.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.directory.AssignedLicense;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.SignInActivity;
import io.m365platform.sync.resource.GraphJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.m365platform.sync.resource.GraphJson.bool;
import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;
import static io.m365platform.sync.resource.GraphJson.texts;

/** Graph {@code user} JSON (list, delta) → the contracts' {@link DirectoryUser}. */
public final class UserMapper {

    /**
     * Properties read by users delta. {@code manager} makes delta report manager changes ({@code manager@delta}).
     * signInActivity is not among them: Graph does not return it on delta; {@link SignInActivities} reads it with
     * {@code GET /users} when the connection holds AuditLog.Read.All.
     */
    public static final String SELECT = String.join(",", List.of("id", "userPrincipalName", "displayName",
            "givenName", "surname", "mail", "mailNickname", "jobTitle", "department", "companyName", "officeLocation",
            "employeeId", "employeeType", "city", "country", "mobilePhone", "businessPhones", "preferredLanguage",
            "accountEnabled", "userType", "createdDateTime", "lastPasswordChangeDateTime", "usageLocation",
            "assignedLicenses", "licenseAssignmentStates", "externalUserState", "onPremisesSyncEnabled", "manager"));

    private UserMapper() {
    }

    public static DirectoryUser map(JsonNode u) {
        return new DirectoryUser(
                text(u, "id"),
                text(u, "userPrincipalName"),
                text(u, "displayName"),
                text(u, "givenName"),
                text(u, "surname"),
                text(u, "mail"),
                text(u, "mailNickname"),
                text(u, "jobTitle"),
                text(u, "department"),
                text(u, "companyName"),
                text(u, "officeLocation"),
                text(u, "employeeId"),
                text(u, "employeeType"),
                text(u, "city"),
                text(u, "country"),
                text(u, "mobilePhone"),
                texts(u, "businessPhones"),
                text(u, "preferredLanguage"),
                bool(u, "accountEnabled"),
                text(u, "userType"),
                instant(u, "createdDateTime"),
                instant(u, "lastPasswordChangeDateTime"),
                text(u, "usageLocation"),
                manager(u).orElse(null),
                assignedLicenses(u),
                signInActivity(u),
                text(u, "externalUserState"),
                instant(u, "externalUserStateChangeDateTime"),
                bool(u, "onPremisesSyncEnabled"));
    }

    /** True when the item says who the manager is (or that there is none). */
    public static boolean knowsManager(JsonNode u) {
        return u.has("manager@delta") || u.has("manager");
    }

    /** Keeps the stored manager when a delta item did not report it. */
    public static DirectoryUser withManagerOf(DirectoryUser incoming, DirectoryUser stored) {
        return with(incoming, stored.managerId(), incoming.signInActivity());
    }

    /** The user with this signInActivity (null: not known). */
    public static DirectoryUser withSignInActivity(DirectoryUser user, SignInActivity activity) {
        return with(user, user.managerId(), activity);
    }

    /**
     * Graph {@code signInActivity} JSON → the contracts' record; an object with only nulls (never signed in) is an
     * all-null record, an absent or null property is null (not known).
     */
    public static SignInActivity signInActivity(JsonNode u) {
        JsonNode a = u.get("signInActivity");
        if (a == null || !a.isObject()) {
            return null;
        }
        return new SignInActivity(instant(a, "lastSignInDateTime"), instant(a, "lastNonInteractiveSignInDateTime"),
                instant(a, "lastSuccessfulSignInDateTime"));
    }

    private static DirectoryUser with(DirectoryUser incoming, String managerId, SignInActivity signInActivity) {
        return new DirectoryUser(incoming.id(), incoming.userPrincipalName(), incoming.displayName(),
                incoming.givenName(), incoming.surname(), incoming.mail(), incoming.mailNickname(), incoming.jobTitle(),
                incoming.department(), incoming.companyName(), incoming.officeLocation(), incoming.employeeId(),
                incoming.employeeType(), incoming.city(), incoming.country(), incoming.mobilePhone(),
                incoming.businessPhones(), incoming.preferredLanguage(), incoming.accountEnabled(), incoming.userType(),
                incoming.createdDateTime(), incoming.lastPasswordChangeDateTime(), incoming.usageLocation(),
                managerId, incoming.assignedLicenses(), signInActivity,
                incoming.externalUserState(), incoming.externalUserStateChangeDateTime(),
                incoming.onPremisesSyncEnabled());
    }

    private static Optional<String> manager(JsonNode u) {
        JsonNode delta = u.get("manager@delta");
        if (delta != null && delta.isArray()) {
            for (JsonNode m : delta) {
                if (!m.has("@removed")) {
                    return Optional.ofNullable(text(m, "id"));
                }
            }
            return Optional.empty();
        }
        JsonNode expanded = u.get("manager");
        return expanded != null && expanded.isObject() ? Optional.ofNullable(text(expanded, "id")) : Optional.empty();
    }

    /** Sorted by SKU so that the same licenses always hash the same. */
    private static List<AssignedLicense> assignedLicenses(JsonNode u) {
        List<AssignedLicense> out = new ArrayList<>();
        for (JsonNode l : GraphJson.array(u, "assignedLicenses")) {
            String skuId = text(l, "skuId");
            if (skuId != null) {
                out.add(new AssignedLicense(skuId, texts(l, "disabledPlans").stream().sorted().toList()));
            }
        }
        out.sort(Comparator.comparing(AssignedLicense::skuId));
        return out;
    }
}
