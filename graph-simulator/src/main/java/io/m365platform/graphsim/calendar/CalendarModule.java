package io.m365platform.graphsim.calendar;

import io.m365platform.graphsim.outlook.MailboxFixtureSection;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.WritePermissions;
import io.m365platform.graphsim.graph.Pages;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.outlook.Mailboxes;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;
import io.m365platform.graphsim.tenant.TenantFixture;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Calendars, events and calendar sharing/delegation (GRAPH_FACTS §6, §8): list and get calendars (the default one
 * at /calendar), list events (/events = default calendar), delete an event (204) or a calendar (204; the default
 * calendar is a distinguished folder → 400 ErrorDeleteDistinguishedFolder), list calendarPermissions and delete
 * one (204; entries with isRemovable false → 400). Calendars.Read / Calendars.ReadWrite, Exchange's 403
 * ErrorAccessDenied otherwise.
 *
 * <p>Fixture section {@code extensions.calendar}: {"seededBefore": instant, "mailboxes": {"&lt;userId&gt;":
 * {"calendars": [...], "events": {"&lt;calendarId&gt;": [...]}, "permissions": {"&lt;calendarId&gt;": [...]}}}}.
 */
public final class CalendarModule implements SimulatorModule {
    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        var read = WritePermissions.CALENDARS_READ;
        var write = WritePermissions.CALENDARS_WRITE;
        c.graph("GET", "/v1.0/users/{id}/calendars", read, this::listCalendars);
        c.graph("GET", "/v1.0/users/{id}/calendar", read, (q, r) -> getCalendar(q, r, null));
        c.graph("GET", "/v1.0/users/{id}/calendars/{calendarId}", read, (q, r) -> getCalendar(q, r, q.pathVariable("calendarId")));
        c.graph("DELETE", "/v1.0/users/{id}/calendars/{calendarId}", write, this::deleteCalendar);
        c.graph("GET", "/v1.0/users/{id}/events", read, (q, r) -> listEvents(q, r, null));
        c.graph("GET", "/v1.0/users/{id}/calendar/events", read, (q, r) -> listEvents(q, r, null));
        c.graph("GET", "/v1.0/users/{id}/calendars/{calendarId}/events", read, (q, r) -> listEvents(q, r, q.pathVariable("calendarId")));
        c.graph("GET", "/v1.0/users/{id}/events/{eventId}", read, this::getEvent);
        c.graph("DELETE", "/v1.0/users/{id}/events/{eventId}", write, (q, r) -> deleteEvent(q, r, null));
        c.graph("DELETE", "/v1.0/users/{id}/calendar/events/{eventId}", write, (q, r) -> deleteEvent(q, r, ""));
        c.graph("DELETE", "/v1.0/users/{id}/calendars/{calendarId}/events/{eventId}", write, (q, r) -> deleteEvent(q, r, q.pathVariable("calendarId")));
        c.graph("GET", "/v1.0/users/{id}/calendar/calendarPermissions", read, (q, r) -> listPermissions(q, r, null));
        c.graph("GET", "/v1.0/users/{id}/calendars/{calendarId}/calendarPermissions", read, (q, r) -> listPermissions(q, r, q.pathVariable("calendarId")));
        c.graph("DELETE", "/v1.0/users/{id}/calendar/calendarPermissions/{permissionId}", write, (q, r) -> deletePermission(q, r, null));
        c.graph("DELETE", "/v1.0/users/{id}/calendars/{calendarId}/calendarPermissions/{permissionId}", write,
                (q, r) -> deletePermission(q, r, q.pathVariable("calendarId")));
    }

    private record Owned(User user, CalendarBox box) {
    }

    private static Owned read(SimRequest req) {
        Tenant t = req.tenant();
        return t.read(() -> {
            User u = Mailboxes.requireMailbox(t, req.pathVariable("id"));
            return new Owned(u, CalendarState.of(t).box(t, u));
        });
    }

    private static void change(SimRequest req, UnaryOperator<CalendarBox> f) {
        Tenant t = req.tenant();
        t.write(() -> {
            User u = Mailboxes.requireMailbox(t, req.pathVariable("id"));
            CalendarState state = CalendarState.of(t);
            state.put(u.id(), f.apply(state.box(t, u)));
            t.nextSeq();
        });
    }

    /** The calendar of a request: null id → the default calendar; unknown → 404 ErrorItemNotFound. */
    private static ObjectNode calendar(CalendarBox box, String calendarId) {
        ObjectNode c = calendarId == null ? box.defaultCalendar() : box.calendar(calendarId);
        if (c == null) {
            throw Mailboxes.itemNotFound();
        }
        return c;
    }

    private static String base(User u) {
        return "users('" + u.id() + "')/";
    }

    // ------------------------------------------------------------------ calendars

    private void listCalendars(SimRequest req, SimResponse res) throws IOException {
        Owned o = read(req);
        Pages.write(req, res, base(o.user()) + "calendars", null, null, null, o.box().calendars(), (g, c) -> g.writeTree(c));
    }

    private void getCalendar(SimRequest req, SimResponse res, String calendarId) throws IOException {
        Owned o = read(req);
        ObjectNode c = calendar(o.box(), calendarId);
        Pages.single(req, res, base(o.user()) + (calendarId == null ? "calendar/$entity" : "calendars/$entity"), g -> fields(g, c));
    }

    private void deleteCalendar(SimRequest req, SimResponse res) throws IOException {
        String calendarId = req.pathVariable("calendarId");
        change(req, box -> {
            ObjectNode c = calendar(box, calendarId);
            if (c.path("isDefaultCalendar").asBoolean(false) || !c.path("isRemovable").asBoolean(true)) {
                throw new GraphException(400, "ErrorDeleteDistinguishedFolder", "Distinguished folders cannot be deleted.");
            }
            return box.withoutCalendar(calendarId);
        });
        res.empty(204);
    }

    // ------------------------------------------------------------------ events

    private void listEvents(SimRequest req, SimResponse res, String calendarId) throws IOException {
        Owned o = read(req);
        ObjectNode c = calendar(o.box(), calendarId);
        String context = base(o.user()) + (calendarId == null ? "events" : "calendars('" + calendarId + "')/events");
        Pages.write(req, res, context, null, null, null, o.box().events(c.get("id").asText()), (g, e) -> g.writeTree(e));
    }

    private void getEvent(SimRequest req, SimResponse res) throws IOException {
        Owned o = read(req);
        String eventId = req.pathVariable("eventId");
        String calendarId = o.box().calendarOfEvent(eventId);
        if (calendarId == null) {
            throw Mailboxes.itemNotFound();
        }
        ObjectNode event = o.box().events(calendarId).stream().filter(e -> e.path("id").asText().equals(eventId)).findFirst().orElseThrow();
        Pages.single(req, res, base(o.user()) + "events/$entity", g -> fields(g, event));
    }

    /** {@code calendarId}: null → any calendar of the mailbox; "" → the default calendar; else that calendar. */
    private void deleteEvent(SimRequest req, SimResponse res, String calendarId) throws IOException {
        String eventId = req.pathVariable("eventId");
        change(req, box -> {
            String holder = box.calendarOfEvent(eventId);
            String required = calendarId == null ? holder : calendar(box, calendarId.isEmpty() ? null : calendarId).get("id").asText();
            if (holder == null || !holder.equals(required)) {
                throw Mailboxes.itemNotFound();
            }
            return box.withoutEvent(holder, eventId);
        });
        res.empty(204);
    }

    // ------------------------------------------------------------------ permissions (sharing and delegation)

    private void listPermissions(SimRequest req, SimResponse res, String calendarId) throws IOException {
        Owned o = read(req);
        ObjectNode c = calendar(o.box(), calendarId);
        String context = base(o.user()) + (calendarId == null ? "calendar/calendarPermissions" : "calendars('" + calendarId + "')/calendarPermissions");
        Pages.write(req, res, context, null, null, null, o.box().permissions(c.get("id").asText()), (g, p) -> g.writeTree(p));
    }

    private void deletePermission(SimRequest req, SimResponse res, String calendarId) throws IOException {
        String permissionId = req.pathVariable("permissionId");
        change(req, box -> {
            String cid = calendar(box, calendarId).get("id").asText();
            ObjectNode p = box.permissions(cid).stream().filter(x -> x.path("id").asText().equals(permissionId)).findFirst()
                    .orElseThrow(Mailboxes::itemNotFound);
            if (!p.path("isRemovable").asBoolean(true)) {
                throw new GraphException(400, "ErrorInvalidRequest", "The calendar permission '" + permissionId
                        + "' cannot be removed (isRemovable is false).");
            }
            return box.withoutPermission(cid, permissionId);
        });
        res.empty(204);
    }

    private static void fields(JsonGenerator g, ObjectNode node) throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            g.writeFieldName(e.getKey());
            g.writeTree(e.getValue());
        }
    }

    // ------------------------------------------------------------------ fixtures

    @Override
    public void onTenantGenerated(Tenant tenant, GenerationSpec spec) {
        CalendarState.of(tenant);
    }

    @Override
    public void onTenantLoaded(Tenant tenant, TenantFixture fixture) {
        MailboxFixtureSection fixtureSection = MailboxFixtureSection.of(tenant, fixture, name());
        CalendarState state = tenant.extension(CalendarState.class,
                t -> new CalendarState(t.seed(), fixtureSection.seededBefore()));
        fixtureSection.forEachMailbox(tenant, name(), "calendars",
                box -> box.path("calendars").isArray() && !box.get("calendars").isEmpty(), (u, box) -> {
                    List<ObjectNode> calendars = new ArrayList<>();
                    box.get("calendars").forEach(c -> calendars.add((ObjectNode) c.deepCopy()));
                    if (calendars.stream().filter(c -> c.path("isDefaultCalendar").asBoolean(false)).count() != 1) {
                        throw TenantException.invalid("fixture extensions.calendar: mailbox " + u.id()
                                + " needs exactly one default calendar");
                    }
                    state.put(u.id(), new CalendarBox(calendars, lists(box.path("events")),
                            lists(box.path("permissions"))));
                });
    }

    private static Map<String, List<ObjectNode>> lists(JsonNode byCalendar) {
        Map<String, List<ObjectNode>> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = byCalendar.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<ObjectNode> list = new ArrayList<>();
            e.getValue().forEach(x -> list.add((ObjectNode) x.deepCopy()));
            result.put(e.getKey(), list);
        }
        return result;
    }

    @Override
    public Object exportState(Tenant tenant) {
        CalendarState state = CalendarState.of(tenant);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("seededBefore", state.seededBefore().toString());
        ObjectNode boxes = root.putObject("mailboxes");
        tenant.read(() -> {
            state.stored().forEach((id, b) -> {
                ObjectNode box = boxes.putObject(id);
                box.putArray("calendars").addAll(b.calendars());
                ObjectNode events = box.putObject("events");
                b.events().forEach((cid, list) -> events.putArray(cid).addAll(list));
                ObjectNode perms = box.putObject("permissions");
                b.permissions().forEach((cid, list) -> perms.putArray(cid).addAll(list));
            });
            return null;
        });
        return root;
    }
}
