package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.User;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the simple dynamic membership rules the simulator generates and accepts:
 * {@code (user.<property> -eq|-ne "<value>")} on department, userType, country, city, jobTitle, usageLocation,
 * or {@code user.accountEnabled -eq true|false}. Membership follows user changes at once (Entra takes minutes;
 * tests want determinism). Groups with rules outside this subset keep the members they were given.
 */
final class DynamicMembership {
    private static final Pattern RULE = Pattern.compile("^\\(?\\s*user\\.(\\w+)\\s+-(eq|ne)\\s+(?:\"([^\"]*)\"|(true|false))\\s*\\)?$", Pattern.CASE_INSENSITIVE);

    private DynamicMembership() {
    }

    /** A parsed rule, or null when unsupported. */
    static Function<User, Boolean> parse(String rule) {
        if (rule == null) {
            return null;
        }
        Matcher m = RULE.matcher(rule.trim());
        if (!m.matches()) {
            return null;
        }
        String property = m.group(1).toLowerCase();
        boolean equals = m.group(2).equalsIgnoreCase("eq");
        String value = m.group(3) != null ? m.group(3) : m.group(4);
        Function<User, Object> getter = switch (property) {
            case "department" -> User::department;
            case "usertype" -> User::userType;
            case "country" -> User::country;
            case "city" -> User::city;
            case "jobtitle" -> User::jobTitle;
            case "usagelocation" -> User::usageLocation;
            case "accountenabled" -> User::accountEnabled;
            default -> null;
        };
        if (getter == null) {
            return null;
        }
        return u -> {
            Object v = getter.apply(u);
            boolean same = v != null && String.valueOf(v).equalsIgnoreCase(value);
            return equals == same;
        };
    }

    /** Parsed rules by text: a tenant has few distinct rules, and every user update evaluates them all. */
    private static final java.util.Map<String, java.util.Optional<Function<User, Boolean>>> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Function<User, Boolean> cachedRule(String rule) {
        return rule == null ? null
                : PARSED.computeIfAbsent(rule, r -> java.util.Optional.ofNullable(parse(r))).orElse(null);
    }

    /**
     * Re-evaluates every dynamic group for one user (inside write). {@code before}: the user's previous state (null:
     * a new user). Where the rule's verdict did not change, neither does the membership: the member list (a large
     * group's is long) is searched only for a user who may join or leave.
     */
    static void reevaluate(Tenant tenant, User before, User user, long seq) {
        for (int i = 0; i < tenant.groups.size(); i++) {
            EntityTable.Slot<Group> s = tenant.groups.slot(i);
            if (!s.live() || !s.value().isDynamic()) {
                continue;
            }
            Group g = s.value();
            Function<User, Boolean> rule = cachedRule(g.membershipRule());
            if (rule == null) {
                continue;
            }
            boolean should = rule.apply(user);
            if (before != null && rule.apply(before) == should) {
                continue;
            }
            boolean is = g.members().contains(user.id());
            if (should == is) {
                continue;
            }
            List<String> members = new ArrayList<>(g.members());
            if (should) {
                members.add(user.id());
            } else {
                members.remove(user.id());
            }
            GroupOperations.applyMembers(tenant, g, members, List.of(new MemberChange(seq, user.id(), !should)), seq);
        }
    }

    /** Recomputes all members of one dynamic group (inside write). */
    static void recompute(Tenant tenant, String groupId, long seq) {
        Group g = tenant.groups.get(groupId);
        Function<User, Boolean> rule = cachedRule(g.membershipRule());
        if (rule == null) {
            return;
        }
        List<String> members = new ArrayList<>();
        for (int i = 0; i < tenant.users.size(); i++) {
            EntityTable.Slot<User> s = tenant.users.slot(i);
            if (s.live() && rule.apply(s.value())) {
                members.add(s.value().id());
            }
        }
        List<MemberChange> changes = new ArrayList<>();
        java.util.Set<String> before = new java.util.HashSet<>(g.members());
        java.util.Set<String> after = new java.util.HashSet<>(members);
        for (String m : members) {
            if (!before.contains(m)) {
                changes.add(new MemberChange(seq, m, false));
            }
        }
        for (String m : g.members()) {
            if (!after.contains(m)) {
                changes.add(new MemberChange(seq, m, true));
            }
        }
        if (!changes.isEmpty()) {
            GroupOperations.applyMembers(tenant, g, members, changes, seq);
        }
    }
}
