package io.m365platform.contracts.teams;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * A team (Graph {@code team}); its id is the id of the Microsoft 365 group behind it.
 *
 * @param id              team id = group id
 * @param displayName     name
 * @param description     description
 * @param visibility      public, private or hiddenMembership
 * @param classification  classification label, null when none
 * @param isArchived      archived (read-only)
 * @param webUrl          link to the team in the Teams client
 * @param createdDateTime creation time
 */
public record Team(String id, String displayName, String description, String visibility, String classification,
                   @JsonProperty("isArchived") boolean isArchived, String webUrl, Instant createdDateTime) {

    public Team {
        Checks.requireText(id, "id");
        Checks.requireText(displayName, "displayName");
    }
}
