package io.m365platform.graphsim;

import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.FixtureCodec;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;
import io.m365platform.graphsim.tenant.TenantFixture;
import io.m365platform.graphsim.tenant.TenantGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant model without HTTP: deterministic generation, fixture round trip, validated mutations. */
class TenantModelTest {
    private static Tenant generate(long seed, int users) {
        return new TenantGenerator(new GenerationSpec(seed, users, "model")).generate(Clock.systemUTC());
    }

    private static String json(Tenant t) throws Exception {
        return Json.MAPPER.writeValueAsString(FixtureCodec.export(t));
    }

    @Test
    void sameSeedSameTenantOtherSeedOtherTenant() throws Exception {
        assertEquals(json(generate(99, 300)), json(generate(99, 300)));
        assertNotEquals(json(generate(99, 300)), json(generate(100, 300)));
    }

    @Test
    void generatedTenantHasTheRequiredVariety() {
        Tenant t = generate(4, 1000);
        List<User> users = t.users().list();
        long guests = users.stream().filter(User::isGuest).count();
        long disabled = users.stream().filter(u -> !u.accountEnabled()).count();
        long unlicensed = t.read(() -> users.stream().filter(u -> t.effectiveLicenses(u).isEmpty()).count());
        assertTrue(guests > 40 && guests < 130, "~8% guests: " + guests);
        assertTrue(disabled > 20 && disabled < 90, "~5% disabled: " + disabled);
        assertTrue(unlicensed > guests, "guests and some members are unlicensed");
        assertTrue(users.stream().filter(User::isGuest).allMatch(u -> u.userPrincipalName().contains("#EXT#@model.onmicrosoft.com")));
        assertTrue(users.stream().anyMatch(u -> !u.displayName().matches("\\p{ASCII}*")));
        assertTrue(users.stream().allMatch(u -> u.userPrincipalName().matches("\\p{ASCII}*")));
        assertTrue(users.stream().filter(u -> !u.isGuest()).skip(1).allMatch(u -> u.managerId() != null), "manager tree under user 0");
        List<Group> groups = t.groups().list();
        assertTrue(groups.size() >= 20);
        assertTrue(groups.stream().anyMatch(Group::isDynamic));
        assertTrue(groups.stream().anyMatch(Group::isTeam));
        assertTrue(groups.stream().anyMatch(g -> g.isUnified() && !g.isTeam()));
        assertTrue(groups.stream().anyMatch(g -> g.securityEnabled() && !g.isUnified() && !g.isDynamic()));
        assertTrue(groups.stream().anyMatch(g -> g.members().stream().anyMatch(m -> t.groups().get(m) != null)), "nested groups");
        Map<String, Integer> consumed = t.read(t::consumedUnits);
        t.read(() -> {
            t.skuMap().values().forEach(s -> assertTrue(s.prepaidEnabled() >= consumed.getOrDefault(s.skuId(), 0) || "Warning".equals(s.capabilityStatus())));
            return null;
        });
    }

    @Test
    void fixtureRoundTripGivesTheSameTenant() throws Exception {
        Tenant t = generate(8, 200);
        String exported = json(t);
        TenantFixture fixture = Json.MAPPER.readValue(exported, TenantFixture.class);
        Tenant loaded = FixtureCodec.load(fixture, Clock.systemUTC());
        assertEquals(exported, json(loaded));
    }

    @Test
    void brokenFixtureIsRejectedWithTheBadReference() throws Exception {
        Tenant t = generate(8, 30);
        TenantFixture f = FixtureCodec.export(t);
        User bad = f.users().get(3).toBuilder().managerId("00000000-0000-0000-0000-00000000dead").build();
        List<User> users = new java.util.ArrayList<>(f.users());
        users.set(3, bad);
        TenantFixture broken = new TenantFixture(f.id(), f.seed(), f.organization(), f.adminUserId(), f.displayConcealedNames(),
                f.skus(), users, f.groups(), f.teams(), f.directoryRoles(), f.roleAssignments(), f.servicePrincipals(),
                f.oauth2PermissionGrants(), f.appRoleAssignments(), f.teamsApps(), f.installedApps(), f.deriveInstalledApps(), f.apps(), f.extensions());
        TenantException e = assertThrows(TenantException.class, () -> FixtureCodec.load(broken, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("00000000-0000-0000-0000-00000000dead"), e.getMessage());
    }

    @Test
    void licenseAssignmentFollowsGraphRules() {
        Tenant t = generate(12, 100);
        User noLocation = t.users().add(new User.Builder().displayName("No Location").userPrincipalName("noloc@model.example.com").build());
        TenantException e = assertThrows(TenantException.class,
                () -> t.users().assignLicenses(noLocation.id(), List.of(AssignedLicense.of(Catalog.SPE_E3)), List.of()));
        assertTrue(e.getMessage().contains("usage location"));
        t.users().update(noLocation.id(), b -> b.usageLocation("DE"));
        int before = t.read(t::consumedUnits).getOrDefault(Catalog.FLOW_FREE, 0);
        t.users().assignLicenses(noLocation.id(), List.of(AssignedLicense.of(Catalog.FLOW_FREE)), List.of());
        assertEquals(before + 1, t.read(t::consumedUnits).get(Catalog.FLOW_FREE));
        assertThrows(TenantException.class, () -> t.users().assignLicenses(noLocation.id(), List.of(), List.of(Catalog.SPE_E5)));
        // Visio has no enabled units: assignment fails like Graph
        assertThrows(TenantException.class, () -> t.users().assignLicenses(noLocation.id(), List.of(AssignedLicense.of(Catalog.VISIO_P2)), List.of()));
    }

    @Test
    void groupLicensesAreInheritedAndMembershipRulesFollowUsers() {
        Tenant t = generate(13, 100);
        Group pbi = t.groups().list().stream().filter(g -> g.displayName().startsWith("License - Power BI")).findFirst().orElseThrow();
        User outsider = t.users().list().stream().filter(u -> !u.isGuest() && !pbi.members().contains(u.id())
                && u.assignedLicenses().stream().noneMatch(l -> l.skuId().equals(Catalog.POWER_BI_PRO))).findFirst().orElseThrow();
        int before = t.read(t::consumedUnits).getOrDefault(Catalog.POWER_BI_PRO, 0);
        t.groups().addMember(pbi.id(), outsider.id());
        assertEquals(before + 1, t.read(t::consumedUnits).get(Catalog.POWER_BI_PRO));
        assertTrue(t.read(() -> t.licenseStates(t.users().get(outsider.id()))).stream().anyMatch(s -> pbi.id().equals(s.assignedByGroup())));
        assertEquals(TenantException.Kind.CONFLICT, assertThrows(TenantException.class, () -> t.groups().addMember(pbi.id(), outsider.id())).kind());

        Group sales = t.groups().list().stream().filter(g -> g.displayName().equals("Sales (dynamic)")).findFirst().orElseThrow();
        User mover = t.users().list().stream().filter(u -> !u.isGuest() && !"Sales".equals(u.department())).findFirst().orElseThrow();
        t.users().update(mover.id(), b -> b.department("Sales"));
        assertTrue(t.groups().get(sales.id()).members().contains(mover.id()));
        t.users().update(mover.id(), b -> b.jobTitle("Account Executive"));
        assertTrue(t.groups().get(sales.id()).members().contains(mover.id()), "the rule's verdict did not change");
        t.users().update(mover.id(), b -> b.department("Finance"));
        assertTrue(!t.groups().get(sales.id()).members().contains(mover.id()), "a user who no longer matches leaves");
        t.users().update(mover.id(), b -> b.department("Sales"));
        t.users().delete(mover.id(), false);
        assertTrue(!t.groups().get(sales.id()).members().contains(mover.id()), "deleted users leave their groups");
    }
}
