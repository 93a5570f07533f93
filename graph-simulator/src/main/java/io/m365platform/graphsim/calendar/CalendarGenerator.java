package io.m365platform.graphsim.calendar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.outlook.TimeZones;
import io.m365platform.graphsim.tenant.EntityTable;
import io.m365platform.graphsim.tenant.Tenant;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic calendars of a seeded mailbox: the default "Calendar" (not removable) with a handful of meetings
 * around the seeding date, sometimes a second calendar, and sharing entries: the built-in "My Organization"
 * (free/busy, not removable), delegates (~20%: the manager or a colleague with delegate access), colleagues with
 * read/write (~15%) and a few external shares (~3%).
 */
final class CalendarGenerator {
    private CalendarGenerator() {
    }

    private static final String[] SUBJECTS = {"Weekly sync", "1:1", "Quarterly review", "Customer call", "Sprint planning",
            "Budget check-in", "Design review", "Lunch & learn", "Hiring panel", "All hands", "Réunion d'équipe", "Kick-off"};
    static final List<String> INTERNAL_ROLES = List.of("none", "freeBusyRead", "limitedRead", "read", "write",
            "delegateWithoutPrivateEventAccess", "delegateWithPrivateEventAccess");
    static final List<String> EXTERNAL_ROLES = List.of("none", "freeBusyRead", "limitedRead", "read");
    /** The id Exchange gives the organisation-wide default entry ("Default" in base64). */
    static final String MY_ORGANIZATION_ID = "RGVmYXVsdA==";

    static CalendarBox generate(Tenant t, long seed, User u, boolean seeded, LocalDate anchor) {
        SplittableRandom r = new SplittableRandom(seed * 0x5851F42D4C957F2DL ^ u.id().toLowerCase(Locale.ROOT).hashCode() * 0xD1B54A32D192ED03L);
        String tz = TimeZones.forCountry(u.country());
        List<ObjectNode> calendars = new ArrayList<>();
        Map<String, List<ObjectNode>> events = new LinkedHashMap<>();
        Map<String, List<ObjectNode>> permissions = new LinkedHashMap<>();
        ObjectNode main = calendar(id(seed, u, "calendar"), "Calendar", "auto", "", true, u);
        calendars.add(main);
        List<ObjectNode> mainPermissions = new ArrayList<>();
        mainPermissions.add(myOrganization());
        permissions.put(main.get("id").asText(), mainPermissions);
        events.put(main.get("id").asText(), new ArrayList<>());
        if (!seeded) {
            return new CalendarBox(calendars, events, permissions);
        }
        User manager = u.managerId() == null ? null : t.userTable().get(u.managerId());
        User colleague = colleague(t, u, r);
        List<ObjectNode> mainEvents = events.get(main.get("id").asText());
        int count = 3 + r.nextInt(6);
        for (int i = 0; i < count; i++) {
            boolean organizer = manager == null || r.nextBoolean();
            User other = colleague != null ? colleague : manager;
            mainEvents.add(event(id(seed, u, "event" + i), SUBJECTS[r.nextInt(SUBJECTS.length)],
                    anchor.plusDays(r.nextInt(21) - 7L).atTime(8 + r.nextInt(9), r.nextBoolean() ? 0 : 30), 30 + 30 * r.nextInt(3), tz,
                    organizer ? u : manager, organizer ? (other == null ? List.of() : List.of(other)) : List.of(u),
                    organizer, r.nextDouble() < 0.7, main.get("changeKey").asText()));
        }
        if (r.nextDouble() < 0.35) {
            ObjectNode project = calendar(id(seed, u, "project"), "Project calendar", "lightBlue", "#4a9bd8", false, u);
            calendars.add(project);
            List<ObjectNode> projectEvents = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                projectEvents.add(event(id(seed, u, "pevent" + i), "Milestone " + (i + 1), anchor.plusDays(3L + 7L * i).atTime(10, 0),
                        60, tz, u, List.of(), true, false, project.get("changeKey").asText()));
            }
            events.put(project.get("id").asText(), projectEvents);
            permissions.put(project.get("id").asText(), new ArrayList<>(List.of(myOrganization())));
        }
        double x = r.nextDouble();
        User delegate = manager != null && r.nextBoolean() ? manager : colleague;
        if (x < 0.20 && delegate != null) {
            mainPermissions.add(permission(delegate.displayName(), delegate.mail(), true,
                    r.nextBoolean() ? "delegateWithPrivateEventAccess" : "delegateWithoutPrivateEventAccess"));
        } else if (x < 0.35 && colleague != null) {
            mainPermissions.add(permission(colleague.displayName(), colleague.mail(), true, r.nextBoolean() ? "read" : "write"));
        } else if (x < 0.38) {
            mainPermissions.add(permission("Partner contact", u.mailNickname() + ".partner@fabrikam.example", false, "limitedRead"));
        }
        return new CalendarBox(calendars, events, permissions);
    }

    private static User colleague(Tenant t, User u, SplittableRandom r) {
        EntityTable<User> users = t.userTable();
        for (int attempt = 0; attempt < 8 && users.size() > 1; attempt++) {
            EntityTable.Slot<User> s = users.slot(r.nextInt(users.size()));
            User c = s.value();
            if (s.live() && !c.id().equals(u.id()) && !c.isGuest() && c.mail() != null) {
                return c;
            }
        }
        return null;
    }

    static ObjectNode calendar(String id, String name, String color, String hexColor, boolean isDefault, User owner) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("id", id);
        c.put("name", name);
        c.put("color", color);
        c.put("hexColor", hexColor);
        c.put("isDefaultCalendar", isDefault);
        c.put("changeKey", Base64.getEncoder().encodeToString(id.substring(Math.max(0, id.length() - 12)).getBytes()));
        c.put("canShare", true);
        c.put("canViewPrivateItems", true);
        c.put("canEdit", true);
        c.putArray("allowedOnlineMeetingProviders").add("teamsForBusiness");
        c.put("defaultOnlineMeetingProvider", "teamsForBusiness");
        c.put("isTallyingResponses", true);
        c.put("isRemovable", !isDefault);
        ObjectNode o = c.putObject("owner");
        o.put("name", owner.displayName());
        o.put("address", owner.mail() != null ? owner.mail() : owner.userPrincipalName());
        return c;
    }

    static ObjectNode event(String id, String subject, LocalDateTime start, int minutes, String tz, User organizer, List<User> attendees,
                            boolean isOrganizer, boolean online, String changeKey) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        Instant created = start.minusDays(10).toInstant(ZoneOffset.UTC);
        e.put("id", id);
        e.put("createdDateTime", created.toString());
        e.put("lastModifiedDateTime", created.plusSeconds(3600).toString());
        e.put("changeKey", changeKey);
        e.putArray("categories");
        e.putNull("transactionId");
        e.put("originalStartTimeZone", tz);
        e.put("originalEndTimeZone", tz);
        e.put("iCalUId", "040000008200E00074C5B7101A82E008" + Integer.toHexString(id.hashCode()).toUpperCase(Locale.ROOT));
        e.put("reminderMinutesBeforeStart", 15);
        e.put("isReminderOn", true);
        e.put("hasAttachments", false);
        e.put("subject", subject);
        e.put("bodyPreview", subject);
        e.put("importance", "normal");
        e.put("sensitivity", "normal");
        e.put("isAllDay", false);
        e.put("isCancelled", false);
        e.put("isOrganizer", isOrganizer);
        e.put("responseRequested", true);
        e.putNull("seriesMasterId");
        e.put("showAs", "busy");
        e.put("type", "singleInstance");
        e.put("webLink", "https://outlook.office365.com/owa/?itemid=" + id + "&exvsurl=1&path=/calendar/item");
        e.putNull("onlineMeetingUrl");
        e.put("isOnlineMeeting", online);
        e.put("onlineMeetingProvider", online ? "teamsForBusiness" : "unknown");
        e.put("allowNewTimeProposals", true);
        e.put("isDraft", false);
        e.put("hideAttendees", false);
        ObjectNode status = e.putObject("responseStatus");
        status.put("response", isOrganizer ? "organizer" : "accepted");
        status.put("time", created.plusSeconds(7200).toString());
        ObjectNode body = e.putObject("body");
        body.put("contentType", "html");
        body.put("content", "<html><body>" + subject + "</body></html>");
        e.set("start", dateTimeTimeZone(start, tz));
        e.set("end", dateTimeTimeZone(start.plusMinutes(minutes), tz));
        ObjectNode location = e.putObject("location");
        location.put("displayName", online ? "Microsoft Teams Meeting" : "");
        location.put("locationType", "default");
        location.put("uniqueIdType", "unknown");
        e.putArray("locations");
        e.putNull("recurrence");
        ArrayNode list = e.putArray("attendees");
        for (User a : attendees) {
            ObjectNode at = list.addObject();
            at.put("type", "required");
            ObjectNode st = at.putObject("status");
            st.put("response", "none");
            st.put("time", "0001-01-01T00:00:00Z");
            at.putObject("emailAddress").put("name", a.displayName()).put("address", a.mail());
        }
        ObjectNode org = e.putObject("organizer");
        org.putObject("emailAddress").put("name", organizer.displayName()).put("address", organizer.mail());
        if (online) {
            e.putObject("onlineMeeting").put("joinUrl", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + Integer.toHexString(id.hashCode()) + "%40thread.v2/0");
        } else {
            e.putNull("onlineMeeting");
        }
        return e;
    }

    static ObjectNode dateTimeTimeZone(LocalDateTime t, String tz) {
        return Json.MAPPER.createObjectNode().put("dateTime", TimeZones.format(t)).put("timeZone", tz);
    }

    static ObjectNode myOrganization() {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("id", MY_ORGANIZATION_ID);
        p.put("isRemovable", false);
        p.put("isInsideOrganization", true);
        p.put("role", "freeBusyRead");
        ArrayNode allowed = p.putArray("allowedRoles");
        List.of("none", "freeBusyRead", "limitedRead", "read", "write").forEach(allowed::add);
        p.putObject("emailAddress").put("name", "My Organization");
        return p;
    }

    static ObjectNode permission(String name, String address, boolean inside, String role) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("id", Base64.getUrlEncoder().encodeToString(("CalendarRole:" + address.toLowerCase(Locale.ROOT)).getBytes()));
        p.put("isRemovable", true);
        p.put("isInsideOrganization", inside);
        p.put("role", role);
        ArrayNode allowed = p.putArray("allowedRoles");
        (inside ? INTERNAL_ROLES : EXTERNAL_ROLES).forEach(allowed::add);
        p.putObject("emailAddress").put("name", name).put("address", address);
        return p;
    }

    /** Exchange-style ids ("AAMkAD…"), stable per tenant seed, user and item. */
    static String id(long seed, User u, String item) {
        ByteBuffer b = ByteBuffer.allocate(24);
        b.putLong(seed);
        b.putLong(u.id().toLowerCase(Locale.ROOT).hashCode() * 0x9E3779B97F4A7C15L);
        b.putLong(item.hashCode() * 0xC2B2AE3D27D4EB4FL + u.id().hashCode());
        return "AAMkAD" + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array()) + "AAA=";
    }
}
