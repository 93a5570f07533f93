package io.m365platform.graphsim.model;

import java.util.List;

/** The Teams side of a team-enabled group: its channels. Members and owners come from the group. */
public record Team(String groupId, List<Channel> channels) {
    public Team {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
