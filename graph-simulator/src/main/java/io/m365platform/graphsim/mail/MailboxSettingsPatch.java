package io.m365platform.graphsim.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.outlook.Mailboxes;
import io.m365platform.graphsim.outlook.TimeZones;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PATCH /users/{id}/mailboxSettings (GRAPH_FACTS §6): merges the writable properties into the current settings and
 * validates them like Exchange — enums and types (400 RequestBodyRead), time zones (400 InvalidTimeZone), and for
 * scheduled automatic replies a start and an end with the end after the start (400 ErrorInvalidTimeSettings).
 */
final class MailboxSettingsPatch {
    private MailboxSettingsPatch() {
    }

    /** The outcome: the full new settings and the top-level properties the request changed (the 200 body). */
    record Result(ObjectNode settings, List<String> changed) {
    }

    private static final Set<String> READ_ONLY = Set.of("archiveFolder", "userPurpose");
    private static final Set<String> DAYS = Set.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");

    static Result apply(ObjectNode current, JsonNode raw) {
        if (!raw.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object.");
        }
        JsonNode patch = io.m365platform.graphsim.outlook.ODataAnnotations.strip(raw);
        ObjectNode s = current.deepCopy();
        List<String> changed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = e.getKey();
            JsonNode v = e.getValue();
            if (f.startsWith("@odata.")) {
                continue;
            }
            switch (f) {
                case "automaticRepliesSetting" -> s.set(f, automaticReplies((ObjectNode) s.get(f), v));
                case "timeZone" -> {
                    requireText(v, "Edm.String");
                    TimeZones.zone(v.asText());
                    s.set(f, v);
                }
                case "dateFormat", "timeFormat" -> {
                    requireText(v, "Edm.String");
                    s.set(f, v);
                }
                case "language" -> s.set(f, language(v));
                case "workingHours" -> s.set(f, workingHours((ObjectNode) s.get(f), v));
                case "delegateMeetingMessageDeliveryOptions" -> {
                    if (!v.isTextual() || !Set.of("sendToDelegateAndInformationToPrincipal", "sendToDelegateAndPrincipal", "sendToDelegateOnly")
                            .contains(v.asText())) {
                        throw Mailboxes.badValue(v.asText(), "microsoft.graph.delegateMeetingMessageDeliveryOptions");
                    }
                    s.set(f, v);
                }
                default -> throw READ_ONLY.contains(f)
                        ? new GraphException(400, "ErrorInvalidRequest", "The property '" + f + "' of mailboxSettings is read-only.")
                        : Mailboxes.unknownProperty(f, "MailboxSettings");
            }
            changed.add(f);
        }
        return new Result(s, changed);
    }

    private static ObjectNode automaticReplies(ObjectNode current, JsonNode v) {
        if (!v.isObject()) {
            throw Mailboxes.badValue(v.toString(), "microsoft.graph.automaticRepliesSetting");
        }
        ObjectNode a = current.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode x = e.getValue();
            switch (e.getKey()) {
                case "status" -> {
                    if (!x.isTextual() || !Set.of("disabled", "alwaysEnabled", "scheduled").contains(x.asText())) {
                        throw Mailboxes.badValue(x.asText(), "microsoft.graph.automaticRepliesStatus");
                    }
                    a.set("status", x);
                }
                case "externalAudience" -> {
                    if (!x.isTextual() || !Set.of("none", "contactsOnly", "all").contains(x.asText())) {
                        throw Mailboxes.badValue(x.asText(), "microsoft.graph.externalAudienceScope");
                    }
                    a.set("externalAudience", x);
                }
                case "internalReplyMessage", "externalReplyMessage" -> {
                    if (!x.isTextual() && !x.isNull()) {
                        throw Mailboxes.badValue(x.toString(), "Edm.String");
                    }
                    a.put(e.getKey(), x.isNull() ? "" : x.asText());
                }
                case "scheduledStartDateTime", "scheduledEndDateTime" -> a.set(e.getKey(), dateTimeTimeZone(e.getKey(), x));
                default -> throw Mailboxes.unknownProperty(e.getKey(), "AutomaticRepliesSetting");
            }
        }
        if ("scheduled".equals(a.path("status").asText())) {
            JsonNode start = a.get("scheduledStartDateTime");
            JsonNode end = a.get("scheduledEndDateTime");
            if (start == null || end == null || start.isNull() || end.isNull()) {
                throw new GraphException(400, "ErrorInvalidTimeSettings", "Scheduled automatic replies need scheduledStartDateTime and scheduledEndDateTime.");
            }
            if (!instant(end).isAfter(instant(start))) {
                throw new GraphException(400, "ErrorInvalidTimeSettings", "The scheduled end time of the automatic replies must be after their start time.");
            }
        }
        return a;
    }

    private static JsonNode dateTimeTimeZone(String property, JsonNode v) {
        if (!v.isObject()) {
            throw Mailboxes.badValue(v.toString(), "microsoft.graph.dateTimeTimeZone");
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("dateTime") && !f.equals("timeZone")) {
                throw Mailboxes.unknownProperty(f, "DateTimeTimeZone");
            }
        }
        TimeZones.dateTime(v.path("dateTime").isTextual() ? v.get("dateTime").asText() : null, property + ".dateTime");
        String tz = v.path("timeZone").isTextual() ? v.get("timeZone").asText() : "UTC";
        TimeZones.zone(tz);
        ObjectNode out = v.deepCopy();
        out.put("timeZone", tz);
        return out;
    }

    private static java.time.Instant instant(JsonNode dateTimeTimeZone) {
        LocalDateTime local = TimeZones.dateTime(dateTimeTimeZone.get("dateTime").asText(), "dateTime");
        return local.atZone(TimeZones.zone(dateTimeTimeZone.get("timeZone").asText())).toInstant();
    }

    private static JsonNode language(JsonNode v) {
        if (!v.isObject()) {
            throw Mailboxes.badValue(v.toString(), "microsoft.graph.localeInfo");
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("locale") && !f.equals("displayName")) {
                throw Mailboxes.unknownProperty(f, "LocaleInfo");
            }
        }
        String locale = v.path("locale").asText("");
        if (!locale.matches("[a-z]{2,3}(-[A-Z][a-zA-Z]{1,3})?")) {
            throw new GraphException(400, "ErrorInvalidArgument", "The locale '" + locale + "' is not a valid language tag (e.g. en-US).");
        }
        ObjectNode out = v.deepCopy();
        out.put("displayName", Locale.forLanguageTag(locale).getDisplayName(Locale.ENGLISH));
        return out;
    }

    private static ObjectNode workingHours(ObjectNode current, JsonNode v) {
        if (!v.isObject()) {
            throw Mailboxes.badValue(v.toString(), "microsoft.graph.workingHours");
        }
        ObjectNode w = current.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode x = e.getValue();
            switch (e.getKey()) {
                case "daysOfWeek" -> {
                    if (!x.isArray()) {
                        throw Mailboxes.badValue(x.toString(), "Collection(microsoft.graph.dayOfWeek)");
                    }
                    x.forEach(d -> {
                        if (!DAYS.contains(d.asText())) {
                            throw Mailboxes.badValue(d.asText(), "microsoft.graph.dayOfWeek");
                        }
                    });
                    w.set("daysOfWeek", x);
                }
                case "startTime", "endTime" -> {
                    try {
                        LocalTime.parse(x.asText());
                    } catch (DateTimeParseException ex) {
                        throw Mailboxes.badValue(x.asText(), "Edm.TimeOfDay");
                    }
                    w.set(e.getKey(), x);
                }
                case "timeZone" -> {
                    String name = x.path("name").asText(null);
                    TimeZones.zone(name);
                    w.putObject("timeZone").put("name", name);
                }
                default -> throw Mailboxes.unknownProperty(e.getKey(), "WorkingHours");
            }
        }
        if (LocalTime.parse(w.get("endTime").asText()).isBefore(LocalTime.parse(w.get("startTime").asText()))) {
            throw new GraphException(400, "ErrorInvalidTimeSettings", "The working hours end before they start.");
        }
        return w;
    }

    private static void requireText(JsonNode v, String type) {
        if (!v.isTextual() || v.asText().isBlank()) {
            throw Mailboxes.badValue(v.toString(), type);
        }
    }
}
