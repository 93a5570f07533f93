package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.SetAutomaticRepliesParameters;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * set-automatic-replies ({@code PATCH /users/{id}/mailboxSettings} with {@code automaticRepliesSetting}). The current
 * status and audience are read first; a PATCH is idempotent, so the outcome only says whether the status changed.
 * The reply texts are sent to Graph and nowhere else (not into the result).
 */
public final class AutomaticRepliesExecutor implements ActionExecutor {

    private static final DateTimeFormatter GRAPH_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS").withZone(ZoneOffset.UTC);

    @Override
    public ActionType type() {
        return ActionType.SET_AUTOMATIC_REPLIES;
    }

    @Override
    public Step run(ActionInput input, GraphSession graph) {
        SetAutomaticRepliesParameters p = input.parameters(SetAutomaticRepliesParameters.class);
        String path = GraphPaths.user(p.userId()) + "/mailboxSettings";
        JsonNode before = graph.get(path + "/automaticRepliesSetting");
        Map<String, Object> setting = new LinkedHashMap<>();
        setting.put("status", p.status().wireName());
        if (p.externalAudience() != null) {
            setting.put("externalAudience", p.externalAudience().wireName());
        }
        if (p.internalReplyMessage() != null) {
            setting.put("internalReplyMessage", p.internalReplyMessage());
        }
        if (p.externalReplyMessage() != null) {
            setting.put("externalReplyMessage", p.externalReplyMessage());
        }
        if (p.scheduledStartDateTime() != null) {
            setting.put("scheduledStartDateTime", Map.of("dateTime",
                    GRAPH_DATE_TIME.format(p.scheduledStartDateTime()), "timeZone", "UTC"));
        }
        if (p.scheduledEndDateTime() != null) {
            setting.put("scheduledEndDateTime", Map.of("dateTime", GRAPH_DATE_TIME.format(p.scheduledEndDateTime()),
                    "timeZone", "UTC"));
        }
        String statusBefore = before.path("status").asText(null);
        boolean sameStatus = p.status().wireName().equals(statusBefore);
        boolean noTexts = p.internalReplyMessage() == null && p.externalReplyMessage() == null
                && p.scheduledStartDateTime() == null
                && (p.externalAudience() == null
                || p.externalAudience().wireName().equals(before.path("externalAudience").asText(null)));
        if (sameStatus && noTexts) {
            return Step.alreadyApplied(p.userId(), Map.of());
        }
        graph.patch(path, Map.of("automaticRepliesSetting", setting));
        return Step.applied(p.userId(), Map.of("changed.automaticReplies.status",
                statusBefore + " → " + p.status().wireName()));
    }
}
