package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;
import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * set-automatic-replies (Graph mailboxSettings.automaticRepliesSetting).
 *
 * @param userId                 mailbox owner
 * @param status                 disabled, alwaysEnabled or scheduled
 * @param externalAudience       none, contactsOnly or all
 * @param internalReplyMessage   reply to senders inside the organisation (HTML allowed)
 * @param externalReplyMessage   reply to external senders (HTML allowed)
 * @param scheduledStartDateTime start, required when status is scheduled
 * @param scheduledEndDateTime   end, required when status is scheduled
 */
public record SetAutomaticRepliesParameters(String userId, Status status, Audience externalAudience,
                                            String internalReplyMessage, String externalReplyMessage,
                                            Instant scheduledStartDateTime, Instant scheduledEndDateTime)
        implements ActionParameters {

    /** automaticRepliesStatus. */
    public enum Status implements WireName {
        DISABLED("disabled"), ALWAYS_ENABLED("alwaysEnabled"), SCHEDULED("scheduled");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    /** externalAudienceScope. */
    public enum Audience implements WireName {
        NONE("none"), CONTACTS_ONLY("contactsOnly"), ALL("all");

        private final String wireName;

        Audience(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    public SetAutomaticRepliesParameters {
        Checks.requireText(userId, "userId");
        Checks.require(status, "status");
        if (status == Status.SCHEDULED) {
            Checks.require(scheduledStartDateTime, "scheduledStartDateTime");
            Checks.require(scheduledEndDateTime, "scheduledEndDateTime");
            if (!scheduledEndDateTime.isAfter(scheduledStartDateTime)) {
                throw new IllegalArgumentException("scheduledEndDateTime must be after scheduledStartDateTime");
            }
        }
    }

    @Override
    public String targetId() {
        return userId;
    }
}
