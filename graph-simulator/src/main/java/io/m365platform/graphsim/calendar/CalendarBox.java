package io.m365platform.graphsim.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's calendars, their events and their sharing/delegation entries, in Graph's JSON shape. Treated as
 * immutable: changes build a new CalendarBox (copy-on-write), so a reader may serialise it without the lock.
 */
record CalendarBox(List<ObjectNode> calendars, Map<String, List<ObjectNode>> events, Map<String, List<ObjectNode>> permissions) {
    CalendarBox {
        calendars = List.copyOf(calendars);
        events = Map.copyOf(events);
        permissions = Map.copyOf(permissions);
    }

    ObjectNode defaultCalendar() {
        for (ObjectNode c : calendars) {
            if (c.path("isDefaultCalendar").asBoolean(false)) {
                return c;
            }
        }
        throw new IllegalStateException("A mailbox always has a default calendar");
    }

    ObjectNode calendar(String id) {
        for (ObjectNode c : calendars) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        return null;
    }

    List<ObjectNode> events(String calendarId) {
        return events.getOrDefault(calendarId, List.of());
    }

    List<ObjectNode> permissions(String calendarId) {
        return permissions.getOrDefault(calendarId, List.of());
    }

    /** The calendar holding an event (event ids are unique in a mailbox), or null. */
    String calendarOfEvent(String eventId) {
        for (Map.Entry<String, List<ObjectNode>> e : events.entrySet()) {
            for (ObjectNode ev : e.getValue()) {
                if (ev.path("id").asText().equals(eventId)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    CalendarBox withoutCalendar(String calendarId) {
        List<ObjectNode> cals = new ArrayList<>(calendars);
        cals.removeIf(c -> c.path("id").asText().equals(calendarId));
        Map<String, List<ObjectNode>> ev = new LinkedHashMap<>(events);
        ev.remove(calendarId);
        Map<String, List<ObjectNode>> perms = new LinkedHashMap<>(permissions);
        perms.remove(calendarId);
        return new CalendarBox(cals, ev, perms);
    }

    CalendarBox withoutEvent(String calendarId, String eventId) {
        Map<String, List<ObjectNode>> ev = new LinkedHashMap<>(events);
        List<ObjectNode> list = new ArrayList<>(events(calendarId));
        list.removeIf(e -> e.path("id").asText().equals(eventId));
        ev.put(calendarId, list);
        return new CalendarBox(calendars, ev, permissions);
    }

    CalendarBox withoutPermission(String calendarId, String permissionId) {
        Map<String, List<ObjectNode>> perms = new LinkedHashMap<>(permissions);
        List<ObjectNode> list = new ArrayList<>(permissions(calendarId));
        list.removeIf(p -> p.path("id").asText().equals(permissionId));
        perms.put(calendarId, list);
        return new CalendarBox(calendars, events, perms);
    }
}
