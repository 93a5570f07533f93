package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.DeleteCalendarEventsParameters;
import io.m365platform.graph.error.GraphRequestException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * delete-calendar-events: the user's events starting in the range (only those the user organises, unless asked
 * otherwise) are listed, then each is deleted ({@code DELETE /users/{id}/events/{eventId}}). An event already gone
 * (404) counts as done, so a repeated attempt finishes what the first began.
 */
public final class CalendarEventsExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.DELETE_CALENDAR_EVENTS;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        DeleteCalendarEventsParameters p = input.parameters(DeleteCalendarEventsParameters.class);
        boolean onlyOrganized = p.onlyOrganizedByUser() == null || p.onlyOrganizedByUser();
        String events = GraphPaths.user(p.userId()) + "/events";
        List<String> ids = new ArrayList<>();
        String next = events + "?$select=id,start,isOrganizer&$top=100";
        while (next != null) {
            JsonNode page = graph.get(next);
            for (JsonNode e : page.path("value")) {
                Instant start = start(e.path("start"));
                boolean inRange = start != null && !start.isBefore(p.startsOnOrAfter())
                        && (p.startsBefore() == null || start.isBefore(p.startsBefore()));
                if (inRange && (!onlyOrganized || e.path("isOrganizer").asBoolean(false))) {
                    ids.add(e.path("id").asText());
                }
            }
            next = GraphPaths.text(page, "@odata.nextLink");
        }
        int deleted = 0;
        for (String id : ids) {
            try {
                graph.delete(events + "/" + GraphPaths.seg(id));
                deleted++;
            } catch (GraphRequestException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
        if (deleted == 0) {
            return Step.alreadyApplied(p.userId(), Map.of("deletedEvents", "0"));
        }
        return Step.applied(p.userId(), Map.of("deletedEvents", Integer.toString(deleted)));
    }

    /** An event's start ({@code {"dateTime": "2026-03-20T18:00:00.0000000", "timeZone": "UTC"}}). */
    static Instant start(JsonNode start) {
        String dateTime = start.path("dateTime").asText(null);
        if (dateTime == null) {
            return null;
        }
        String zone = start.path("timeZone").asText("UTC");
        LocalDateTime local = LocalDateTime.parse(dateTime.length() > 19 ? dateTime.substring(0, 19) : dateTime);
        if ("UTC".equalsIgnoreCase(zone)) {
            return local.toInstant(ZoneOffset.UTC);
        }
        try {
            return local.atZone(java.time.ZoneId.of(zone)).toInstant();
        } catch (java.time.DateTimeException e) {
            return local.toInstant(ZoneOffset.UTC);
        }
    }
}
