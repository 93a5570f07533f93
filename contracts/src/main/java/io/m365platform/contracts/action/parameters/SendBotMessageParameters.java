package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;
import io.m365platform.contracts.Checks;

/**
 * send-bot-message: a notification to one user (1:1 chat) or to a channel. Either {@code userId}, or
 * {@code teamId} and {@code channelId}, are set.
 *
 * @param userId      recipient user for a 1:1 message
 * @param teamId      team of the recipient channel
 * @param channelId   recipient channel
 * @param contentType text or html
 * @param content     message body
 */
public record SendBotMessageParameters(String userId, String teamId, String channelId, ContentType contentType,
                                       String content) implements ActionParameters {

    /** chatMessage body content type. */
    public enum ContentType implements WireName {
        TEXT("text"), HTML("html");

        private final String wireName;

        ContentType(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    public SendBotMessageParameters {
        boolean toUser = userId != null;
        boolean toChannel = teamId != null || channelId != null;
        if (toUser == toChannel) {
            throw new IllegalArgumentException("send-bot-message goes either to userId or to teamId + channelId");
        }
        if (toChannel) {
            Checks.requireText(teamId, "teamId");
            Checks.requireText(channelId, "channelId");
        }
        Checks.require(contentType, "contentType");
        Checks.requireText(content, "content");
    }

    @Override
    public String targetId() {
        return userId != null ? userId : teamId;
    }
}
