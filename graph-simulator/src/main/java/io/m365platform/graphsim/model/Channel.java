package io.m365platform.graphsim.model;

import java.time.Instant;

/** A Teams channel (membershipType standard | private | shared). */
public record Channel(String id, String displayName, String description, String membershipType, Instant createdDateTime,
                      boolean isArchived, boolean isFavoriteByDefault) {
}
