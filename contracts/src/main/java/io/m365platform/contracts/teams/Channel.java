package io.m365platform.contracts.teams;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * A channel of a team (Graph {@code channel}).
 *
 * @param id                  channel id, e.g. {@code 19:...@thread.tacv2}
 * @param teamId              team the channel belongs to
 * @param displayName         name
 * @param description         description
 * @param email               channel e-mail address, null when none
 * @param membershipType      standard, private or shared
 * @param isArchived          archived
 * @param isFavoriteByDefault shown by default to all members
 * @param webUrl              link in the Teams client
 * @param createdDateTime     creation time
 */
public record Channel(String id, String teamId, String displayName, String description, String email,
                      String membershipType, @JsonProperty("isArchived") Boolean isArchived,
                      @JsonProperty("isFavoriteByDefault") Boolean isFavoriteByDefault, String webUrl,
                      Instant createdDateTime) {

    public Channel {
        Checks.requireText(id, "id");
        Checks.requireText(teamId, "teamId");
        Checks.requireText(displayName, "displayName");
    }
}
