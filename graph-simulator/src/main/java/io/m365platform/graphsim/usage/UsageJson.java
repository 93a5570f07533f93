package io.m365platform.graphsim.usage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.http.Json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The control API's JSON form of usage: one day of activity is
 * <pre>{"apps":{"Outlook":["Windows","Web"],"Teams":["Mobile"]},
 *  "email":{"send":1,"receive":9,"read":7,"meetingCreated":0,"meetingInteracted":1},
 *  "oneDrive":{"viewedOrEdited":2,"synced":0,"sharedInternally":1,"sharedExternally":0},
 *  "teams":{"teamChatMessages":3,"privateChatMessages":5,"calls":1,"meetingsOrganized":1,"meetingsAttended":2,...},
 *  "sharePoint":true,"skype":false,"yammer":false}</pre>
 * Unknown fields are rejected (a typo must not silently mean "no activity").
 */
public final class UsageJson {
    private UsageJson() {
    }

    public static ObjectNode write(DayActivity a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ObjectNode apps = n.putObject("apps");
        for (OfficeApp app : OfficeApp.values()) {
            ArrayNode platforms = null;
            for (Platform p : Platform.values()) {
                if (a.uses(app, p)) {
                    if (platforms == null) {
                        platforms = apps.putArray(app.column());
                    }
                    platforms.add(p.column());
                }
            }
        }
        n.set("email", a.email() == null ? null : Json.MAPPER.valueToTree(a.email()));
        n.set("oneDrive", a.oneDrive() == null ? null : Json.MAPPER.valueToTree(a.oneDrive()));
        n.set("teams", a.teams() == null ? null : Json.MAPPER.valueToTree(a.teams()));
        n.put("sharePoint", a.sharePoint());
        n.put("skype", a.skype());
        n.put("yammer", a.yammer());
        return n;
    }

    /** Parses one day; IllegalArgumentException with the reason when malformed. */
    public static DayActivity read(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("A day of activity must be a JSON object");
        }
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!Map.of("apps", 1, "email", 1, "oneDrive", 1, "teams", 1, "sharePoint", 1, "skype", 1, "yammer", 1).containsKey(f)) {
                throw new IllegalArgumentException("Unknown activity field '" + f + "' (apps, email, oneDrive, teams, sharePoint, skype, yammer)");
            }
        }
        int apps = 0;
        JsonNode appsNode = n.get("apps");
        if (appsNode != null && !appsNode.isNull()) {
            if (!appsNode.isObject()) {
                throw new IllegalArgumentException("apps must be an object {\"Word\":[\"Windows\",…]}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = appsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                OfficeApp app = OfficeApp.parse(e.getKey());
                if (!e.getValue().isArray()) {
                    throw new IllegalArgumentException("apps." + e.getKey() + " must be an array of platforms");
                }
                for (JsonNode p : e.getValue()) {
                    apps |= Platform.bit(app, Platform.parse(p.asText()));
                }
            }
        }
        return new DayActivity(apps, part(n, "email", DayActivity.Email.class), part(n, "oneDrive", DayActivity.OneDrive.class),
                part(n, "teams", DayActivity.Teams.class), flag(n, "sharePoint"), flag(n, "skype"), flag(n, "yammer"));
    }

    private static <T> T part(JsonNode n, String field, Class<T> type) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Json.MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(v);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException(field + ": " + firstLine(cause.getMessage()));
        }
    }

    private static boolean flag(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(field + " must be a boolean");
        }
        return v.booleanValue();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public static LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be a date YYYY-MM-DD (got " + text + ")");
        }
    }

    /** The fixture/export form of the overrides. */
    public static ObjectNode writeOverrides(LocalDate anchor, Map<String, UsageState.UserOverride> overrides) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("anchor", anchor.toString());
        ObjectNode users = root.putObject("users");
        overrides.forEach((id, o) -> {
            ObjectNode u = users.putObject(id);
            u.put("persona", o.persona() == null ? null : o.persona().jsonName());
            u.put("inactiveSince", o.inactiveSince() == null ? null : o.inactiveSince().toString());
            ObjectNode days = u.putObject("days");
            new TreeMap<>(o.days()).forEach((d, a) -> days.set(d.toString(), write(a)));
        });
        return root;
    }

    public static Map<String, UsageState.UserOverride> readOverrides(JsonNode users) {
        Map<String, UsageState.UserOverride> result = new TreeMap<>();
        if (users == null || users.isNull()) {
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = users.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode u = e.getValue();
            Map<LocalDate, DayActivity> days = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> d = u.path("days").fields(); d.hasNext(); ) {
                Map.Entry<String, JsonNode> day = d.next();
                days.put(date(day.getKey(), "usage day"), read(day.getValue()));
            }
            result.put(e.getKey().toLowerCase(java.util.Locale.ROOT), new UsageState.UserOverride(
                    u.hasNonNull("persona") ? Persona.parse(u.get("persona").asText()) : null,
                    u.hasNonNull("inactiveSince") ? date(u.get("inactiveSince").asText(), "inactiveSince") : null, days));
        }
        return result;
    }
}
