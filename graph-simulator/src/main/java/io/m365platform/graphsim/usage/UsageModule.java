package io.m365platform.graphsim.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.http.ControlException;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantFixture;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Usage data of every tenant (generated, see {@link UsageModel}) and the control API to read and change it:
 * <pre>
 * GET    /_sim/tenants/{t}/usage/users/{id}?from=YYYY-MM-DD&amp;to=YYYY-MM-DD   ground truth, active days only
 * PUT    /_sim/tenants/{t}/usage/users/{id}             {"persona":"heavy|regular|light|dormant|none","inactiveSince":"YYYY-MM-DD"}
 * DELETE /_sim/tenants/{t}/usage/users/{id}             back to generated usage
 * PUT    /_sim/tenants/{t}/usage/users/{id}/days/{date} one day of activity (UsageJson)
 * DELETE /_sim/tenants/{t}/usage/users/{id}/days/{date}
 * </pre>
 * Fixture section {@code extensions.usage}: {"anchor":"YYYY-MM-DD","users":{"&lt;id&gt;":{"persona":…,"inactiveSince":…,"days":{…}}}}.
 */
public final class UsageModule implements SimulatorModule {
    private SimulatorContext context;

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public void onTenantGenerated(Tenant tenant, GenerationSpec spec) {
        UsageState.of(tenant); // anchors the tenant's usage at the generation date
    }

    @Override
    public void onTenantLoaded(Tenant tenant, TenantFixture fixture) {
        JsonNode section = fixture.extensions() == null ? null : fixture.extensions().get(name());
        if (section == null || section.isNull()) {
            UsageState.of(tenant);
            return;
        }
        try {
            LocalDate anchor = section.hasNonNull("anchor") ? UsageJson.date(section.get("anchor").asText(), "usage.anchor") : null;
            UsageState.install(tenant, anchor, UsageJson.readOverrides(section.get("users")));
        } catch (IllegalArgumentException e) {
            throw io.m365platform.graphsim.tenant.TenantException.invalid("fixture extensions.usage: " + e.getMessage());
        }
    }

    @Override
    public Object exportState(Tenant tenant) {
        UsageState s = UsageState.of(tenant);
        return UsageJson.writeOverrides(s.anchor(), s.overrides(tenant));
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        this.context = c;
        c.control("GET", "/_sim/tenants/{t}/usage/users/{id}", this::read);
        c.control("PUT", "/_sim/tenants/{t}/usage/users/{id}", this::profile);
        c.control("DELETE", "/_sim/tenants/{t}/usage/users/{id}", (q, r) -> {
            Tenant t = tenant(q);
            UsageState.of(t).reset(t, q.pathVariable("id"));
            r.empty(204);
        });
        c.control("PUT", "/_sim/tenants/{t}/usage/users/{id}/days/{date}", (q, r) -> {
            Tenant t = tenant(q);
            DayActivity a = parse(() -> UsageJson.read(q.bodyJson()));
            UsageState.of(t).day(t, q.pathVariable("id"), date(q.pathVariable("date"), "date"), a);
            r.empty(204);
        });
        c.control("DELETE", "/_sim/tenants/{t}/usage/users/{id}/days/{date}", (q, r) -> {
            Tenant t = tenant(q);
            UsageState.of(t).clearDay(t, q.pathVariable("id"), date(q.pathVariable("date"), "date"));
            r.empty(204);
        });
    }

    private Tenant tenant(SimRequest q) {
        return context.tenants().get(q.pathVariable("t"));
    }

    private void read(SimRequest q, SimResponse r) throws IOException {
        Tenant t = tenant(q);
        UsageState state = UsageState.of(t);
        UsageView v = state.view(t, q.pathVariable("id"));
        LocalDate today = UsageState.today(t);
        LocalDate to = q.query("to") == null ? today : date(q.query("to"), "to");
        LocalDate from = q.query("from") == null ? to.minusDays(34) : date(q.query("from"), "from");
        if (from.isAfter(to) || from.plusDays(UsageView.HORIZON_DAYS).isBefore(to)) {
            throw ControlException.badRequest("from must be on or before to, at most " + UsageView.HORIZON_DAYS + " days apart");
        }
        UsageState.UserOverride o = state.override(t, v.user().id());
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("userId", v.user().id());
        n.put("userPrincipalName", v.user().userPrincipalName());
        n.put("persona", v.profile().persona().jsonName());
        n.put("dormantSince", v.profile().persona() == Persona.DORMANT ? v.profile().dormantSince().toString() : null);
        n.put("inactiveSince", o.inactiveSince() == null ? null : o.inactiveSince().toString());
        n.put("canBeActive", v.canBeActive());
        n.set("entitlements", Json.MAPPER.valueToTree(v.entitlements()));
        ObjectNode devices = n.putObject("devices");
        devices.put("windows", v.profile().windowsDevices());
        devices.put("mac", v.profile().macDevices());
        devices.put("ios", v.profile().iosDevices());
        devices.put("android", v.profile().androidDevices());
        ArrayNode days = n.putArray("days");
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayActivity a = v.day(d);
            if (a.any()) {
                ObjectNode day = UsageJson.write(a);
                day.put("date", d.toString());
                days.add(day);
            }
        }
        r.bytes(200, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(n));
    }

    private void profile(SimRequest q, SimResponse r) throws IOException {
        Tenant t = tenant(q);
        JsonNode b = q.bodyJson();
        if (!b.has("persona") && !b.has("inactiveSince")) {
            throw ControlException.badRequest("Give persona (heavy|regular|light|dormant|none, null to reset) and/or inactiveSince (YYYY-MM-DD, null to reset)");
        }
        UsageState state = UsageState.of(t);
        String id = q.pathVariable("id");
        if (b.has("persona")) {
            Persona p = b.get("persona").isNull() ? null : parse(() -> Persona.parse(b.get("persona").asText()));
            state.persona(t, id, p);
        }
        if (b.has("inactiveSince")) {
            state.inactiveSince(t, id, b.get("inactiveSince").isNull() ? null : date(b.get("inactiveSince").asText(), "inactiveSince"));
        }
        r.empty(204);
    }

    private static LocalDate date(String s, String what) {
        return parse(() -> UsageJson.date(s, what));
    }

    private interface Parse<T> {
        T get() throws IOException;
    }

    private static <T> T parse(Parse<T> p) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw ControlException.badRequest(e.getMessage());
        } catch (IOException e) {
            throw ControlException.badRequest(e.getMessage());
        }
    }
}
