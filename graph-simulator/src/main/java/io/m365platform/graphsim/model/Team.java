package io.m365platform.graphsim.model;

import java.util.List;

/**
 * The Teams side of a team-enabled group: its channels, whether the team is archived (read-only) and its
 * classification label (null when none). Members, owners, name, description and visibility come from the group.
 */
public record Team(String groupId, List<Channel> channels, boolean isArchived, String classification) {
    public Team {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public Team(String groupId, List<Channel> channels) {
        this(groupId, channels, false, null);
    }

    public Team withChannels(List<Channel> newChannels) {
        return new Team(groupId, newChannels, isArchived, classification);
    }

    public Team withArchived(boolean archived) {
        return new Team(groupId, channels, archived, classification);
    }
}
