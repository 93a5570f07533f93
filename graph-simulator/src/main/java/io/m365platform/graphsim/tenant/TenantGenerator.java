package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.AppRoleAssignment;
import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.Channel;
import io.m365platform.graphsim.model.DirectoryRole;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.Organization;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.ServicePrincipal;
import io.m365platform.graphsim.model.SignInActivity;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.Team;
import io.m365platform.graphsim.model.TeamsApp;
import io.m365platform.graphsim.model.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a realistic tenant from a seed and a size, deterministically (same seed, size and name → same ids,
 * names, memberships, licenses). What it makes, in proportions that hold at any size:
 * <ul>
 *   <li>~8% guests ({@code #EXT#} UPNs, mostly unlicensed), ~5% disabled accounts, ~12% unlicensed members,
 *       a manager tree (fan-out 6) under the first user, names with non-ASCII letters;</li>
 *   <li>SKUs whose consumedUnits follow from direct and group-inherited assignments (Power BI Pro comes from a
 *       licensing group), with a little spare capacity;</li>
 *   <li>security, Microsoft 365, dynamic and nested groups (about one per 50 users, at least 8); ~45% of the
 *       Microsoft 365 groups are Teams with channels and owners;</li>
 *   <li>activated directory roles with assignments, first- and third-party service principals with admin
 *       (AllPrincipals) and user (Principal) consents, a Teams app catalogue with per-user installations.</li>
 * </ul>
 * User 0 is the admin ({@code admin@{name}.example.com}, Global Administrator) that the authorize endpoint signs in.
 */
public final class TenantGenerator {
    private final GenerationSpec spec;
    private final Random rnd;
    /**
     * Draws for properties added after the first generator version (employee data, sign-in activity, archived
     * teams, app roles): a stream of its own, so that the ids, names and memberships drawn from {@link #rnd} stay
     * what they were for a given seed.
     */
    private final Random extra;
    private Instant now;
    private int teamsMade;
    private final Instant epoch = Instant.parse("2019-03-01T08:00:00Z");

    public TenantGenerator(GenerationSpec spec) {
        this.spec = spec;
        this.rnd = new Random(spec.seed() * 31 + spec.name().hashCode());
        this.extra = new Random(spec.seed() * 131 + spec.name().hashCode() + 7);
    }

    private Instant someTimeAfterExtra(Instant start, int maxDays) {
        return start.plusSeconds((long) (extra.nextDouble() * maxDays * 86400L)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private String extraUuid() {
        long hi = (extra.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (extra.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** A moment between {@code minDaysAgo} and {@code maxDaysAgo} before now, never before {@code notBefore}. */
    private Instant daysAgo(double minDaysAgo, double maxDaysAgo, Instant notBefore) {
        double days = minDaysAgo + extra.nextDouble() * (maxDaysAgo - minDaysAgo);
        Instant at = now.minusSeconds((long) (days * 86400L)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return at.isBefore(notBefore) ? notBefore.plusSeconds(3600) : at;
    }

    /**
     * Employee data, password change and sign-in activity of a generated user: members are employees (~85%) or
     * contractors with an employee id; guests mostly have neither. Passwords were last changed after the account
     * was created. Sign-ins: enabled members within the last month (non-interactive refreshes more recent, ~8%
     * with a failed last attempt), disabled accounts long ago, guests older and rarer; ~4% of members and ~30%
     * of guests never signed in (all values null).
     */
    private void employeeAndSignIns(User.Builder b, int index, boolean guest, boolean enabled, Instant created) {
        if (guest) {
            if (extra.nextDouble() < 0.1) {
                b.employeeType("Contractor").employeeId(String.format(Locale.ROOT, "X%06d", index));
            }
        } else if (extra.nextDouble() < 0.85) {
            b.employeeType("Employee").employeeId(String.format(Locale.ROOT, "E%06d", index));
        } else {
            b.employeeType("Contractor").employeeId(String.format(Locale.ROOT, "C%06d", index));
        }
        Instant passwordChanged = created.plusSeconds((long) (extra.nextDouble() * 400 * 86400L))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        b.lastPasswordChangeDateTime(passwordChanged.isAfter(now) ? created : passwordChanged);
        double never = extra.nextDouble();
        if (index != 0 && (guest ? never < 0.30 : never < 0.04)) {
            b.signInActivity(SignInActivity.NEVER);
            return;
        }
        Instant interactive = guest ? daysAgo(20, 400, created)
                : enabled ? daysAgo(0.01, 30, created) : daysAgo(60, 500, created);
        Instant nonInteractive = guest || !enabled ? interactive.plusSeconds(600 + extra.nextInt(3600))
                : daysAgo(0, Math.max(0.02, Duration.between(interactive, now).toMinutes() / 1440.0), interactive);
        String interactiveId = extraUuid();
        String nonInteractiveId = extraUuid();
        boolean lastFailed = extra.nextDouble() < 0.08;
        Instant successful = nonInteractive.isAfter(interactive) ? nonInteractive : interactive;
        String successfulId = nonInteractive.isAfter(interactive) ? nonInteractiveId : interactiveId;
        if (lastFailed) {
            successful = interactive.minusSeconds(3600 + extra.nextInt(5 * 86400)).isBefore(created)
                    ? created.plusSeconds(60) : interactive.minusSeconds(3600 + extra.nextInt(5 * 86400));
            successfulId = extraUuid();
            nonInteractive = interactive.minusSeconds(7200 + extra.nextInt(86400)).isBefore(created)
                    ? created.plusSeconds(30) : interactive.minusSeconds(7200 + extra.nextInt(86400));
        }
        b.signInActivity(new SignInActivity(interactive, interactiveId, nonInteractive, nonInteractiveId,
                successful, successfulId));
    }

    private String uuid() {
        long hi = (rnd.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private Instant someTimeAfter(Instant start, int maxDays) {
        return start.plusSeconds((long) (rnd.nextDouble() * maxDays * 86400L)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    public Tenant generate(Clock clock) {
        String tenantId = uuid();
        String name = spec.name();
        String initialDomain = name + ".onmicrosoft.com";
        String defaultDomain = name + ".example.com";
        String orgName = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Organization org = new Organization(orgName, List.of(initialDomain, defaultDomain), defaultDomain, "US",
                "Seattle", "United States", "en-US", epoch);
        Tenant t = new Tenant(tenantId, spec.seed(), org, clock);
        now = clock.instant();
        t.write(() -> {
            long seq = t.nextSeq();
            Map<String, Sku> skuTemplates = new HashMap<>();
            for (Sku s : Catalog.skus()) {
                skuTemplates.put(s.skuId(), s);
            }
            Map<String, AssignedLicense> lic = new HashMap<>();
            skuTemplates.keySet().forEach(id -> lic.put(id, AssignedLicense.of(id)));

            List<String> memberIds = new ArrayList<>();
            List<String> guestIds = new ArrayList<>();
            Map<String, List<String>> byDepartment = new HashMap<>();
            generateUsers(t, seq, lic, defaultDomain, initialDomain, orgName, memberIds, guestIds, byDepartment);
            t.adminUserId = memberIds.get(0);

            List<String> powerBiMembers = new ArrayList<>();
            for (String id : memberIds) {
                if (rnd.nextDouble() < 0.10) {
                    powerBiMembers.add(id);
                }
            }
            generateGroups(t, seq, memberIds, guestIds, byDepartment, powerBiMembers, lic);
            generateSkus(t, skuTemplates, tenantId);
            generateRoles(t, memberIds);
            generateServicePrincipalsAndConsents(t, seq, memberIds);
            generateTeamsApps(t);
        });
        return t;
    }

    private void generateUsers(Tenant t, long seq, Map<String, AssignedLicense> lic, String defaultDomain,
                               String initialDomain, String orgName, List<String> memberIds, List<String> guestIds,
                               Map<String, List<String>> byDepartment) {
        t.users.reserve(spec.users());
        for (int i = 0; i < spec.users(); i++) {
            String[] given = NamePools.GIVEN[rnd.nextInt(NamePools.GIVEN.length)];
            String[] sur = NamePools.SURNAMES[rnd.nextInt(NamePools.SURNAMES.length)];
            String[] loc = NamePools.LOCATIONS[rnd.nextInt(NamePools.LOCATIONS.length)];
            boolean guest = i > 0 && rnd.nextDouble() < 0.08;
            User.Builder b = new User.Builder()
                    .id(uuid())
                    .givenName(given[0]).surname(sur[0])
                    .displayName(i == 0 ? "Adele Admin" : given[0] + " " + sur[0])
                    .createdDateTime(someTimeAfter(epoch, 5 * 365))
                    .accountEnabled(i == 0 || rnd.nextDouble() >= 0.05)
                    .preferredLanguage(loc[4]);
            if (guest) {
                String ext = NamePools.EXTERNAL_DOMAINS[rnd.nextInt(NamePools.EXTERNAL_DOMAINS.length)];
                String local = given[1] + "." + sur[1] + i;
                b.userType(User.GUEST)
                        .userPrincipalName(local + "_" + ext + "#EXT#@" + initialDomain)
                        .mail(local + "@" + ext)
                        .mailNickname(local + "_" + ext + "#EXT#")
                        .externalUserState(rnd.nextDouble() < 0.85 ? "Accepted" : "PendingAcceptance")
                        .companyName(null);
                employeeAndSignIns(b, i, true, true, b.build().createdDateTime());
                User u = b.build();
                t.users.insert(u, seq);
                guestIds.add(u.id());
                continue;
            }
            String local = i == 0 ? "admin" : given[1] + "." + sur[1] + i;
            String upn = local + "@" + defaultDomain;
            String department = i == 0 ? "IT" : NamePools.DEPARTMENTS[rnd.nextInt(NamePools.DEPARTMENTS.length)];
            b.userType(User.MEMBER)
                    .userPrincipalName(upn).mail(upn).mailNickname(local)
                    .department(department)
                    .jobTitle(i == 0 ? "IT Administrator" : NamePools.JOB_TITLES[rnd.nextInt(NamePools.JOB_TITLES.length)])
                    .city(loc[0]).country(loc[1]).officeLocation(loc[3])
                    .companyName(orgName);
            if (rnd.nextDouble() < 0.7) {
                b.businessPhones(List.of(String.format(Locale.ROOT, "+1 425 555 %04d", i % 10000)));
            }
            if (rnd.nextDouble() < 0.4) {
                b.mobilePhone(String.format(Locale.ROOT, "+1 206 555 %04d", (i * 7) % 10000));
            }
            if (!memberIds.isEmpty()) {
                b.managerId(memberIds.get((memberIds.size() - 1) / 6));
            }
            double l = rnd.nextDouble();
            List<AssignedLicense> licenses = new ArrayList<>(2);
            if (i == 0) {
                licenses.add(lic.get(Catalog.SPE_E5));
            } else if (l < 0.12) {
                // unlicensed member; half of them never got a usage location
            } else if (l < 0.30) {
                licenses.add(lic.get(Catalog.SPE_E5));
            } else if (l < 0.70) {
                licenses.add(lic.get(Catalog.SPE_E3));
            } else if (l < 0.88) {
                licenses.add(lic.get(Catalog.O365_E3));
            } else {
                licenses.add(lic.get(Catalog.EXCHANGE_P1));
            }
            if (!licenses.isEmpty() && rnd.nextDouble() < 0.10) {
                licenses.add(lic.get(Catalog.FLOW_FREE));
            }
            b.usageLocation(licenses.isEmpty() && rnd.nextBoolean() ? null : loc[2]);
            b.assignedLicenses(licenses);
            User draft = b.build();
            employeeAndSignIns(b, i, false, draft.accountEnabled(), draft.createdDateTime());
            User u = b.build();
            t.users.insert(u, seq);
            memberIds.add(u.id());
            byDepartment.computeIfAbsent(department, k -> new ArrayList<>()).add(u.id());
        }
    }

    private void generateGroups(Tenant t, long seq, List<String> memberIds, List<String> guestIds,
                                Map<String, List<String>> byDepartment, List<String> powerBiMembers,
                                Map<String, AssignedLicense> lic) {
        String domain = t.organization.defaultDomain();
        List<String> admins = memberIds.subList(0, Math.min(3, memberIds.size()));
        Group all = new Group(uuid(), "All Employees", "Every member account (dynamic)", "allemployees@" + domain, "allemployees",
                true, true, List.of("DynamicMembership"), "(user.userType -eq \"Member\")", "On", null, epoch, List.of(), List.of(),
                memberIds, List.of());
        Group powerBi = new Group(uuid(), "License - Power BI Pro", "Group-based licensing for Power BI Pro", null, "lic-powerbi",
                false, true, List.of(), null, null, null, epoch, List.of(), List.of(lic.get(Catalog.POWER_BI_PRO)),
                powerBiMembers, List.of(admins.get(0)));
        Group sales = new Group(uuid(), "Sales (dynamic)", "Everyone in Sales", "sales@" + domain, "sales", true, false,
                List.of("Unified", "DynamicMembership"), "(user.department -eq \"Sales\")", "On", "Private", epoch,
                List.of(), List.of(), byDepartment.getOrDefault("Sales", List.of()), List.of(admins.get(0)));
        Group itAdmins = new Group(uuid(), "IT Admins", "Administrators of the tenant", null, "itadmins", false, true,
                List.of(), null, null, null, epoch, List.of(), List.of(), admins, List.of(admins.get(0)));
        Group nested = new Group(uuid(), "All Staff (nested)", "Nested groups: IT Admins and Sales", null, "allstaff-nested",
                false, true, List.of(), null, null, null, epoch, List.of(), List.of(), List.of(itAdmins.id(), sales.id()),
                List.of(admins.get(0)));
        for (Group g : List.of(all, powerBi, sales, itAdmins, nested)) {
            t.groups.insert(g, seq);
        }
        // a few powerBi members also hold the SKU directly: consumed units must count them once
        int total = Math.max(8, spec.users() / 50);
        List<String> securityGroups = new ArrayList<>(List.of(itAdmins.id()));
        java.util.Set<String> dynamicDepartments = new java.util.HashSet<>(List.of("Sales"));
        for (int i = 5; i < total; i++) {
            String topic = NamePools.GROUP_TOPICS[rnd.nextInt(NamePools.GROUP_TOPICS.length)];
            String displayName = topic + " " + i;
            String nick = "grp" + i;
            double kind = i == 5 ? 0 : rnd.nextDouble(); // the first generated group is always a Microsoft 365 group with a team
            int size = Math.min(memberIds.size(), 2 + (int) (Math.pow(rnd.nextDouble(), 3) * 300));
            Set<String> members = new LinkedHashSet<>();
            while (members.size() < size) {
                members.add(memberIds.get(rnd.nextInt(memberIds.size())));
            }
            List<String> owners = List.of(memberIds.get(rnd.nextInt(memberIds.size())));
            Instant created = someTimeAfter(epoch, 5 * 365);
            Group g;
            if (kind < 0.40) {
                if (!guestIds.isEmpty() && rnd.nextDouble() < 0.3) {
                    members.add(guestIds.get(rnd.nextInt(guestIds.size())));
                }
                boolean team = rnd.nextDouble() < 0.45 || i == 5;
                g = new Group(uuid(), displayName, "Microsoft 365 group for " + topic, nick + "@" + domain, nick, true, false,
                        List.of("Unified"), null, null, rnd.nextDouble() < 0.6 ? "Private" : "Public", created,
                        team ? List.of("Team") : List.of(), List.of(), new ArrayList<>(members), owners);
                if (team) {
                    // the second team is archived, then about one in eight; some carry a classification label
                    teamsMade++;
                    boolean archived = extra.nextDouble() < 0.125 && teamsMade > 1 || teamsMade == 2;
                    double label = extra.nextDouble();
                    String classification = label < 0.15 ? "Confidential" : label < 0.25 ? "General" : label < 0.30 ? "Highly Confidential" : null;
                    t.teams.put(g.id(), new Team(g.id(), channels(g, created), archived, classification));
                }
            } else if (kind < 0.85) {
                if (!securityGroups.isEmpty() && rnd.nextDouble() < 0.15) {
                    members.add(securityGroups.get(rnd.nextInt(securityGroups.size()))); // nested
                }
                boolean mailEnabled = rnd.nextDouble() < 0.2;
                g = new Group(uuid(), displayName, "Security group for " + topic, mailEnabled ? nick + "@" + domain : null, nick,
                        mailEnabled, true, List.of(), null, null, null, created, List.of(), List.of(),
                        new ArrayList<>(members), owners);
                securityGroups.add(g.id());
            } else if (dynamicDepartments.add(NamePools.DEPARTMENTS[i % NamePools.DEPARTMENTS.length])) {
                // one dynamic group per department at most, as real tenants have (and a 1M-user tenant stays small)
                String department = NamePools.DEPARTMENTS[i % NamePools.DEPARTMENTS.length];
                g = new Group(uuid(), department + " (dynamic) " + i, "Dynamic group of " + department, null, nick, false, true,
                        List.of("DynamicMembership"), "(user.department -eq \"" + department + "\")", "On", null, created,
                        List.of(), List.of(), byDepartment.getOrDefault(department, List.of()), owners);
            } else {
                g = new Group(uuid(), displayName, "Security group for " + topic, null, nick, false, true, List.of(), null, null,
                        null, created, List.of(), List.of(), new ArrayList<>(members), owners);
                securityGroups.add(g.id());
            }
            t.groups.insert(g, seq);
        }
        // direct Power BI Pro on a few group members too (dedupe test for consumedUnits)
        for (int i = 0; i < powerBiMembers.size(); i += 20) {
            String id = powerBiMembers.get(i);
            User u = t.users.get(id);
            if (u.usageLocation() != null) {
                List<AssignedLicense> l = new ArrayList<>(u.assignedLicenses());
                l.add(lic.get(Catalog.POWER_BI_PRO));
                t.users.replace(id, u.toBuilder().assignedLicenses(l).build(), seq, null);
            }
        }
    }

    private List<Channel> channels(Group g, Instant created) {
        List<Channel> result = new ArrayList<>();
        result.add(new Channel("19:" + g.id().replace("-", "").substring(0, 24) + "@thread.tacv2", "General",
                g.description(), "standard", created, false, true));
        int extra = rnd.nextInt(4);
        for (int c = 0; c < extra; c++) {
            String[] ch = NamePools.CHANNELS[rnd.nextInt(NamePools.CHANNELS.length)];
            String id = "19:" + uuid().replace("-", "") + "@thread.tacv2";
            if (result.stream().noneMatch(x -> x.displayName().equals(ch[0]))) {
                result.add(new Channel(id, ch[0], null, ch[1], someTimeAfter(created, 200), rnd.nextDouble() < 0.05, false));
            }
        }
        return result;
    }

    private void generateSkus(Tenant t, Map<String, Sku> templates, String tenantId) {
        Map<String, Integer> consumed = t.consumedUnits();
        for (Sku template : Catalog.skus()) {
            int used = consumed.getOrDefault(template.skuId(), 0);
            int prepaid = template.skuId().equals(Catalog.FLOW_FREE) ? 10000 : used + Math.max(5, used / 10);
            Sku sku = new Sku(template.skuId(), template.skuPartNumber(), template.productName(), "User",
                    template.skuId().equals(Catalog.VISIO_P2) ? "Warning" : "Enabled",
                    template.skuId().equals(Catalog.VISIO_P2) ? 0 : prepaid, 0,
                    template.skuId().equals(Catalog.VISIO_P2) ? 10 : 0, 0, template.servicePlans(), List.of(uuid()));
            t.skus.put(sku.skuId(), sku);
        }
    }

    private void generateRoles(Tenant t, List<String> memberIds) {
        Map<Catalog.RoleTemplate, Integer> holders = new java.util.LinkedHashMap<>();
        holders.put(Catalog.GLOBAL_ADMIN, 2);
        holders.put(Catalog.USER_ADMIN, 2);
        holders.put(Catalog.GLOBAL_READER, 1);
        holders.put(Catalog.REPORTS_READER, 1);
        holders.put(Catalog.TEAMS_ADMIN, 1);
        holders.put(Catalog.LICENSE_ADMIN, 1);
        holders.put(Catalog.EXCHANGE_ADMIN, 1);
        holders.put(Catalog.HELPDESK_ADMIN, 2);
        int next = 1;
        for (Map.Entry<Catalog.RoleTemplate, Integer> e : holders.entrySet()) {
            t.directoryRoles.add(new DirectoryRole(uuid(), e.getKey().templateId()));
            for (int h = 0; h < e.getValue(); h++) {
                String principal = e.getKey() == Catalog.GLOBAL_ADMIN && h == 0 ? memberIds.get(0)
                        : memberIds.get(Math.min(memberIds.size() - 1, next++));
                String id = Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes()) + "-1";
                t.roleAssignments.add(new RoleAssignment(id, principal, e.getKey().templateId(), "/"));
            }
        }
    }

    private byte[] uuidBytes() {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return b;
    }

    private void generateServicePrincipalsAndConsents(Tenant t, long seq, List<String> memberIds) {
        String graphSpId = null;
        for (Map.Entry<String, String> app : new java.util.TreeMap<>(Catalog.FIRST_PARTY_APPS).entrySet()) {
            String id = uuid();
            if (app.getKey().equals(AppOperations.GRAPH_APP_ID)) {
                graphSpId = id;
            }
            t.servicePrincipals.insert(new ServicePrincipal(id, app.getKey(), app.getValue(), ServicePrincipal.MICROSOFT_TENANT,
                    "Microsoft Services", "AzureADMultipleOrgs", List.of(), null, null, null, true, null, List.of()), seq);
        }
        int thirdParty = Math.min(NamePools.THIRD_PARTY_APPS.length, 5 + spec.users() / 2000);
        List<String> thirdPartySpIds = new ArrayList<>();
        for (int i = 0; i < thirdParty; i++) {
            String[] app = NamePools.THIRD_PARTY_APPS[i];
            String id = uuid();
            boolean verified = Boolean.parseBoolean(app[2]);
            t.servicePrincipals.insert(new ServicePrincipal(id, uuid(), app[0], uuid(), app[1], "AzureADMultipleOrgs",
                    List.of("WindowsAzureActiveDirectoryIntegratedApp"), verified ? app[1] : null,
                    verified ? String.valueOf(1000000 + rnd.nextInt(8999999)) : null,
                    verified ? someTimeAfter(epoch, 1000) : null, true,
                    "https://" + app[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example/",
                    List.of("https://" + app[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example/auth/callback")), seq);
            thirdPartySpIds.add(id);
            if (i % 3 != 2) {
                // application permissions on Microsoft Graph (admin-granted app roles) for two apps in three
                int roles = 1 + extra.nextInt(3);
                Set<String> taken = new java.util.HashSet<>();
                for (int r = 0; r < roles; r++) {
                    Catalog.AppRole role = Catalog.GRAPH_APP_ROLES.get(extra.nextInt(Catalog.GRAPH_APP_ROLES.size()));
                    if (taken.add(role.id())) {
                        byte[] b = new byte[32];
                        extra.nextBytes(b);
                        t.appRoleAssignments.add(new AppRoleAssignment(Base64.getUrlEncoder().withoutPadding().encodeToString(b).substring(0, 43),
                                role.id(), id, graphSpId, someTimeAfterExtra(epoch, 1500)));
                    }
                }
            }
            if (i % 2 == 0) {
                t.permissionGrants.add(new OAuth2PermissionGrant(grantId(), id, "AllPrincipals", null, graphSpId,
                        NamePools.DELEGATED_SCOPES[rnd.nextInt(NamePools.DELEGATED_SCOPES.length)]));
            }
        }
        int userGrants = Math.min(20000, Math.max(3, memberIds.size() / 10));
        for (int i = 0; i < userGrants; i++) {
            t.permissionGrants.add(new OAuth2PermissionGrant(grantId(), thirdPartySpIds.get(rnd.nextInt(thirdPartySpIds.size())),
                    "Principal", memberIds.get(rnd.nextInt(memberIds.size())), graphSpId,
                    NamePools.DELEGATED_SCOPES[rnd.nextInt(NamePools.DELEGATED_SCOPES.length)]));
        }
    }

    private String grantId() {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).substring(0, 43);
    }

    private void generateTeamsApps(Tenant t) {
        for (String[] a : NamePools.TEAMS_APPS) {
            String id = uuid();
            t.teamsApps.put(id, new TeamsApp(id, "store".equals(a[1]) ? uuid() : uuid(), a[0], a[1],
                    Base64.getEncoder().encodeToString((id + "##1.0.0").getBytes()), "1." + rnd.nextInt(10) + "." + rnd.nextInt(10),
                    a[2], a[2] + ".", "published", rnd.nextBoolean() ? uuid() : null, someTimeAfter(epoch, 1500)));
        }
        t.deriveInstalledApps = true;
    }

    /** Demo app registration for a generated tenant: reproducible client id and secret from the seed. */
    public static AppOperations.RegisteredApp registerDemoApp(Tenant tenant, Set<String> applicationPermissions,
                                                              Set<String> delegatedPermissions, List<String> redirectUris) {
        Random random = new Random(tenant.seed() * 7919 + 17);
        return tenant.apps().register(new AppOperations.Registration(null, "M365 Platform (demo)", applicationPermissions,
                delegatedPermissions, redirectUris, List.of(Duration.ofDays(730)), List.of()), random);
    }
}
