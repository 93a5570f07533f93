package io.m365platform.graphsim.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.outlook.Mailboxes;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Validation of inbox rules (messageRule, messageRulePredicates, messageRuleActions of Graph v1.0): property names
 * and value types as the metadata declares them, recipients with an address, at least one action. The stored
 * rule is the validated JSON with Graph's read-only fields (id, hasError, isReadOnly) set by the simulator.
 */
final class MessageRules {
    private MessageRules() {
    }

    private enum Kind { BOOLEAN, STRINGS, RECIPIENTS, STRING, IMPORTANCE, SENSITIVITY, FLAG, SIZE_RANGE }

    private static final Map<String, Kind> PREDICATES = Map.ofEntries(
            Map.entry("bodyContains", Kind.STRINGS), Map.entry("bodyOrSubjectContains", Kind.STRINGS),
            Map.entry("categories", Kind.STRINGS), Map.entry("fromAddresses", Kind.RECIPIENTS),
            Map.entry("hasAttachments", Kind.BOOLEAN), Map.entry("headerContains", Kind.STRINGS),
            Map.entry("importance", Kind.IMPORTANCE), Map.entry("isApprovalRequest", Kind.BOOLEAN),
            Map.entry("isAutomaticForward", Kind.BOOLEAN), Map.entry("isAutomaticReply", Kind.BOOLEAN),
            Map.entry("isEncrypted", Kind.BOOLEAN), Map.entry("isMeetingRequest", Kind.BOOLEAN),
            Map.entry("isMeetingResponse", Kind.BOOLEAN), Map.entry("isNonDeliveryReport", Kind.BOOLEAN),
            Map.entry("isPermissionControlled", Kind.BOOLEAN), Map.entry("isReadReceipt", Kind.BOOLEAN),
            Map.entry("isSigned", Kind.BOOLEAN), Map.entry("isVoicemail", Kind.BOOLEAN),
            Map.entry("messageActionFlag", Kind.FLAG), Map.entry("notSentToMe", Kind.BOOLEAN),
            Map.entry("recipientContains", Kind.STRINGS), Map.entry("senderContains", Kind.STRINGS),
            Map.entry("sensitivity", Kind.SENSITIVITY), Map.entry("sentCcMe", Kind.BOOLEAN),
            Map.entry("sentOnlyToMe", Kind.BOOLEAN), Map.entry("sentToAddresses", Kind.RECIPIENTS),
            Map.entry("sentToMe", Kind.BOOLEAN), Map.entry("sentToOrCcMe", Kind.BOOLEAN),
            Map.entry("subjectContains", Kind.STRINGS), Map.entry("withinSizeRange", Kind.SIZE_RANGE));

    private static final Map<String, Kind> ACTIONS = Map.ofEntries(
            Map.entry("assignCategories", Kind.STRINGS), Map.entry("copyToFolder", Kind.STRING),
            Map.entry("delete", Kind.BOOLEAN), Map.entry("forwardAsAttachmentTo", Kind.RECIPIENTS),
            Map.entry("forwardTo", Kind.RECIPIENTS), Map.entry("markAsRead", Kind.BOOLEAN),
            Map.entry("markImportance", Kind.IMPORTANCE), Map.entry("moveToFolder", Kind.STRING),
            Map.entry("permanentDelete", Kind.BOOLEAN), Map.entry("redirectTo", Kind.RECIPIENTS),
            Map.entry("stopProcessingRules", Kind.BOOLEAN));

    private static final Set<String> WRITABLE = Set.of("displayName", "sequence", "isEnabled", "conditions", "actions", "exceptions");
    private static final Set<String> READ_ONLY = Set.of("id", "hasError", "isReadOnly");

    /** A new rule from a POST body: displayName and at least one action required; sequence defaults to the end. */
    static ObjectNode create(JsonNode body, String id, int defaultSequence) {
        ObjectNode rule = Json.MAPPER.createObjectNode();
        rule.put("id", id);
        rule.put("displayName", (String) null);
        rule.put("sequence", defaultSequence);
        rule.put("isEnabled", true);
        rule.put("hasError", false);
        rule.put("isReadOnly", false);
        rule.set("conditions", Json.MAPPER.createObjectNode());
        rule.set("actions", Json.MAPPER.createObjectNode());
        ObjectNode merged = merge(rule, body);
        if (!merged.hasNonNull("displayName") || merged.get("displayName").asText().isBlank()) {
            throw new GraphException(400, "ErrorInvalidRequest", "The rule needs a displayName.");
        }
        return merged;
    }

    /** A PATCH of an existing rule (nested objects replace the old ones). */
    static ObjectNode update(ObjectNode existing, JsonNode body) {
        if (existing.path("isReadOnly").asBoolean(false)) {
            throw new GraphException(400, "ErrorInvalidRequest", "The rule is read-only and cannot be changed with this client.");
        }
        return merge(existing, body);
    }

    private static ObjectNode merge(ObjectNode base, JsonNode raw) {
        if (!raw.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object.");
        }
        JsonNode body = io.m365platform.graphsim.outlook.ODataAnnotations.strip(raw);
        ObjectNode rule = base.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = e.getKey();
            JsonNode v = e.getValue();
            if (f.startsWith("@odata.") || (READ_ONLY.contains(f) && v.equals(base.get(f)))) {
                continue;
            }
            if (!WRITABLE.contains(f)) {
                throw READ_ONLY.contains(f) ? new GraphException(400, "ErrorInvalidRequest", "The property '" + f + "' is read-only.")
                        : Mailboxes.unknownProperty(f, "MessageRule");
            }
            switch (f) {
                case "displayName" -> {
                    if (!v.isTextual() || v.asText().isBlank()) {
                        throw new GraphException(400, "ErrorInvalidRequest", "The rule needs a displayName.");
                    }
                    rule.set(f, v);
                }
                case "sequence" -> {
                    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
                        throw new GraphException(400, "ErrorInvalidRequest", "The rule sequence must be a positive integer (got " + v + ").");
                    }
                    rule.put(f, v.asInt());
                }
                case "isEnabled" -> {
                    if (!v.isBoolean()) {
                        throw Mailboxes.badValue(v.asText(), "Edm.Boolean");
                    }
                    rule.set(f, v);
                }
                case "conditions", "exceptions" -> rule.set(f, object(v, PREDICATES, "MessageRulePredicates"));
                case "actions" -> rule.set(f, object(v, ACTIONS, "MessageRuleActions"));
                default -> throw new IllegalStateException(f);
            }
        }
        JsonNode actions = rule.get("actions");
        boolean anyAction = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = actions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            if (!a.getKey().equals("stopProcessingRules") && !a.getValue().isNull()
                    && !(a.getValue().isBoolean() && !a.getValue().booleanValue()) && !(a.getValue().isArray() && a.getValue().isEmpty())) {
                anyAction = true;
            }
        }
        if (!anyAction) {
            throw new GraphException(400, "ErrorInvalidRequest", "The rule needs at least one action (e.g. moveToFolder, forwardTo, delete).");
        }
        return rule;
    }

    private static ObjectNode object(JsonNode v, Map<String, Kind> allowed, String type) {
        if (v.isNull()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!v.isObject()) {
            throw Mailboxes.badValue(v.toString(), "Microsoft.OutlookServices." + type);
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Kind kind = allowed.get(e.getKey());
            if (kind == null) {
                throw Mailboxes.unknownProperty(e.getKey(), type);
            }
            out.set(e.getKey(), value(e.getKey(), e.getValue(), kind));
        }
        return out;
    }

    private static JsonNode value(String name, JsonNode v, Kind kind) {
        if (v.isNull()) {
            return v;
        }
        switch (kind) {
            case BOOLEAN -> require(v.isBoolean(), v, "Edm.Boolean");
            case STRING -> require(v.isTextual() && !v.asText().isBlank(), v, "Edm.String");
            case STRINGS -> {
                require(v.isArray(), v, "Collection(Edm.String)");
                v.forEach(x -> require(x.isTextual(), x, "Edm.String"));
            }
            case RECIPIENTS -> {
                require(v.isArray(), v, "Collection(Microsoft.OutlookServices.Recipient)");
                for (JsonNode r : v) {
                    JsonNode address = r.path("emailAddress").path("address");
                    if (!address.isTextual() || !address.asText().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                        throw new GraphException(400, "ErrorInvalidRecipients", "At least one recipient of '" + name + "' is not valid: "
                                + r.path("emailAddress").path("address").asText("(no address)") + ".");
                    }
                    for (Iterator<String> f = r.fieldNames(); f.hasNext(); ) {
                        String field = f.next();
                        if (!field.equals("emailAddress")) {
                            throw Mailboxes.unknownProperty(field, "Recipient");
                        }
                    }
                    for (Iterator<String> f = r.get("emailAddress").fieldNames(); f.hasNext(); ) {
                        String field = f.next();
                        if (!field.equals("address") && !field.equals("name")) {
                            throw Mailboxes.unknownProperty(field, "EmailAddress");
                        }
                    }
                }
            }
            case IMPORTANCE -> require(v.isTextual() && Set.of("low", "normal", "high").contains(v.asText()), v, "Microsoft.OutlookServices.Importance");
            case SENSITIVITY -> require(v.isTextual() && Set.of("normal", "personal", "private", "confidential").contains(v.asText()), v,
                    "Microsoft.OutlookServices.Sensitivity");
            case FLAG -> require(v.isTextual() && Set.of("any", "call", "doNotForward", "followUp", "fyi", "forward", "noResponseNecessary",
                    "read", "reply", "replyToAll", "review").contains(v.asText()), v, "Microsoft.OutlookServices.MessageActionFlag");
            case SIZE_RANGE -> {
                require(v.isObject(), v, "Microsoft.OutlookServices.SizeRange");
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals("minimumSize") && !e.getKey().equals("maximumSize")) {
                        throw Mailboxes.unknownProperty(e.getKey(), "SizeRange");
                    }
                    require(e.getValue().isIntegralNumber() && e.getValue().asLong() >= 0, e.getValue(), "Edm.Int32");
                }
            }
        }
        return v;
    }

    private static void require(boolean ok, JsonNode v, String type) {
        if (!ok) {
            throw Mailboxes.badValue(v.isTextual() ? v.asText() : v.toString(), type);
        }
    }
}
