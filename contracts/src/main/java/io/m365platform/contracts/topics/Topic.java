package io.m365platform.contracts.topics;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every Kafka topic of the platform. Settings (partitions, cleanup policy, retention, key) live in the
 * AsyncAPI document and are read through {@link TopicCatalog#spec(Topic)}.
 */
public enum Topic {
    CONNECTIONS(Topics.CONNECTIONS),
    SYNC_REQUESTS(Topics.SYNC_REQUESTS),
    SYNC_RUNS(Topics.SYNC_RUNS),
    DIRECTORY_USERS(Topics.DIRECTORY_USERS),
    DIRECTORY_SUBSCRIBED_SKUS(Topics.DIRECTORY_SUBSCRIBED_SKUS),
    DIRECTORY_LICENSE_ASSIGNMENTS(Topics.DIRECTORY_LICENSE_ASSIGNMENTS),
    DIRECTORY_GROUPS(Topics.DIRECTORY_GROUPS),
    DIRECTORY_GROUP_MEMBERSHIPS(Topics.DIRECTORY_GROUP_MEMBERSHIPS),
    DIRECTORY_ROLES(Topics.DIRECTORY_ROLES),
    DIRECTORY_ORGANIZATION(Topics.DIRECTORY_ORGANIZATION),
    TEAMS_TEAMS(Topics.TEAMS_TEAMS),
    TEAMS_CHANNELS(Topics.TEAMS_CHANNELS),
    TEAMS_MEMBERS(Topics.TEAMS_MEMBERS),
    TEAMS_INSTALLED_APPS(Topics.TEAMS_INSTALLED_APPS),
    APPS_EXTERNAL(Topics.APPS_EXTERNAL),
    USAGE_DAILY(Topics.USAGE_DAILY),
    USAGE_LICENSE_UTILISATION(Topics.USAGE_LICENSE_UTILISATION),
    USAGE_INGESTION(Topics.USAGE_INGESTION),
    ACTIONS_REQUESTS(Topics.ACTIONS_REQUESTS),
    ACTIONS_RESULTS(Topics.ACTIONS_RESULTS),
    DEAD_LETTER(Topics.DEAD_LETTER);

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    /** The Kafka topic name, e.g. {@code m365.directory.users}. */
    public String topicName() {
        return topicName;
    }

    /** The topic with this Kafka name, if it is one of ours. */
    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }

    @Override
    public String toString() {
        return topicName;
    }
}
