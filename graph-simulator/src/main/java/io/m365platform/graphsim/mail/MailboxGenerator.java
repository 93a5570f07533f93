package io.m365platform.graphsim.mail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.outlook.TimeZones;
import io.m365platform.graphsim.tenant.Tenant;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic mailbox content of a seeded user: settings in the user's time zone and language, automatic
 * replies for a few (~5% scheduled around the seeding date, ~3% always on), and inbox rules for about a third
 * (folder moves, forwards to the manager, flags; ~3% forward mail to an external address).
 */
final class MailboxGenerator {
    private MailboxGenerator() {
    }

    static Mailbox generate(Tenant t, long seed, User u, boolean seeded, LocalDate anchor) {
        SplittableRandom r = new SplittableRandom(seed * 0x2545F4914F6CDD1DL ^ u.id().toLowerCase(Locale.ROOT).hashCode() * 0x9E3779B97F4A7C15L);
        String tz = TimeZones.forCountry(u.country());
        ObjectNode s = defaults(u, tz, r);
        List<ObjectNode> rules = new ArrayList<>();
        if (seeded) {
            double x = r.nextDouble();
            ObjectNode replies = (ObjectNode) s.get("automaticRepliesSetting");
            if (x < 0.05) {
                LocalDateTime start = anchor.plusDays(r.nextInt(14) - 3L).atTime(17, 0);
                LocalDateTime end = start.toLocalDate().plusDays(3 + r.nextInt(12)).atTime(8, 0);
                replies.put("status", "scheduled");
                replies.put("internalReplyMessage", "<html><body>I am out of the office until " + end.toLocalDate() + ".</body></html>");
                replies.put("externalReplyMessage", "<html><body>I am out of the office until " + end.toLocalDate() + ".</body></html>");
                replies.set("scheduledStartDateTime", dateTimeTimeZone(start, tz));
                replies.set("scheduledEndDateTime", dateTimeTimeZone(end, tz));
            } else if (x < 0.08) {
                replies.put("status", "alwaysEnabled");
                replies.put("externalAudience", "contactsOnly");
                replies.put("internalReplyMessage", "<html><body>I have moved to another team; please contact the service desk.</body></html>");
                replies.put("externalReplyMessage", "<html><body>Please contact our service desk.</body></html>");
            }
            if (r.nextDouble() < 0.33) {
                rules.add(rule(ruleId(seed, u, 1), "Newsletters", 1, Json.MAPPER.createObjectNode()
                                .set("senderContains", Json.MAPPER.createArrayNode().add("newsletter").add("no-reply")),
                        Json.MAPPER.createObjectNode().put("moveToFolder", folderId(seed, u, "newsletters")).put("stopProcessingRules", true)));
                User manager = u.managerId() == null ? null : t.userTable().get(u.managerId());
                if (manager != null && manager.mail() != null && r.nextDouble() < 0.4) {
                    ObjectNode actions = Json.MAPPER.createObjectNode();
                    actions.set("forwardTo", Json.MAPPER.createArrayNode().add(recipient(manager.displayName(), manager.mail())));
                    actions.put("stopProcessingRules", false);
                    rules.add(rule(ruleId(seed, u, 2), "Escalations to my manager", 2, Json.MAPPER.createObjectNode()
                            .put("importance", "high"), actions));
                }
                if (r.nextDouble() < 0.1) {
                    String external = u.mailNickname() + "@gmail.example";
                    ObjectNode actions = Json.MAPPER.createObjectNode();
                    actions.set("redirectTo", Json.MAPPER.createArrayNode().add(recipient(u.displayName(), external)));
                    actions.put("stopProcessingRules", true);
                    rules.add(rule(ruleId(seed, u, 3), "Copy everything home", 3, Json.MAPPER.createObjectNode(), actions));
                }
            }
        }
        return new Mailbox(s, rules, 10);
    }

    /** The settings of a new mailbox: the user's zone and language, Monday–Friday 08:00–17:00, no automatic replies. */
    static ObjectNode defaults(User u, String tz, SplittableRandom r) {
        String locale = u.preferredLanguage() == null ? "en-US" : u.preferredLanguage();
        Locale l = Locale.forLanguageTag(locale);
        boolean us = locale.equals("en-US");
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("archiveFolder", "AAMkAD" + Base64.getUrlEncoder().withoutPadding().encodeToString(longBytes(r.nextLong())) + "AAA=");
        s.put("timeZone", tz);
        ObjectNode replies = s.putObject("automaticRepliesSetting");
        replies.put("status", "disabled");
        replies.put("externalAudience", "all");
        replies.put("internalReplyMessage", "");
        replies.put("externalReplyMessage", "");
        LocalDateTime now = LocalDate.of(2024, 1, 1).atStartOfDay();
        replies.set("scheduledStartDateTime", dateTimeTimeZone(now, "UTC"));
        replies.set("scheduledEndDateTime", dateTimeTimeZone(now.plusDays(1), "UTC"));
        ObjectNode language = s.putObject("language");
        language.put("locale", locale);
        language.put("displayName", l.getDisplayName(Locale.ENGLISH));
        s.put("dateFormat", us ? "M/d/yyyy" : "dd.MM.yyyy");
        s.put("timeFormat", us ? "h:mm tt" : "HH:mm");
        ObjectNode hours = s.putObject("workingHours");
        ArrayNode days = hours.putArray("daysOfWeek");
        for (String d : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            days.add(d);
        }
        hours.put("startTime", "08:00:00.0000000");
        hours.put("endTime", "17:00:00.0000000");
        hours.putObject("timeZone").put("name", tz);
        s.put("userPurpose", "user");
        s.put("delegateMeetingMessageDeliveryOptions", "sendToDelegateAndInformationToPrincipal");
        return s;
    }

    static ObjectNode dateTimeTimeZone(LocalDateTime t, String tz) {
        return Json.MAPPER.createObjectNode().put("dateTime", TimeZones.format(t)).put("timeZone", tz);
    }

    static ObjectNode recipient(String name, String address) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.putObject("emailAddress").put("name", name).put("address", address);
        return r;
    }

    static ObjectNode rule(String id, String name, int sequence, ObjectNode conditions, ObjectNode actions) {
        ObjectNode rule = Json.MAPPER.createObjectNode();
        rule.put("id", id);
        rule.put("displayName", name);
        rule.put("sequence", sequence);
        rule.put("isEnabled", true);
        rule.put("hasError", false);
        rule.put("isReadOnly", false);
        rule.set("conditions", conditions);
        rule.set("actions", actions);
        return rule;
    }

    /** Exchange rule ids are short base64 strings ("AQAAAJ5dZqA="). */
    static String ruleId(long seed, User u, long n) {
        return Base64.getUrlEncoder().encodeToString(longBytes(seed * 31 + u.id().hashCode() * 1_000_003L + n)); // URL-safe: ids travel in paths
    }

    static String folderId(long seed, User u, String name) {
        return "AAMkAD" + Base64.getUrlEncoder().withoutPadding().encodeToString(longBytes(seed ^ u.id().hashCode() ^ name.hashCode())) + "AAA=";
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }
}
