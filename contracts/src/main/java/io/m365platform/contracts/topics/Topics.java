package io.m365platform.contracts.topics;

/**
 * Topic names as compile-time constants, for annotations and configuration defaults. {@link Topic} has the
 * same names as an enum and {@link TopicCatalog} has their settings.
 */
public final class Topics {

    public static final String CONNECTIONS = "m365.connections";
    public static final String SYNC_REQUESTS = "m365.sync.requests";
    public static final String SYNC_RUNS = "m365.sync.runs";
    public static final String DIRECTORY_USERS = "m365.directory.users";
    public static final String DIRECTORY_SUBSCRIBED_SKUS = "m365.directory.subscribed-skus";
    public static final String DIRECTORY_LICENSE_ASSIGNMENTS = "m365.directory.license-assignments";
    public static final String DIRECTORY_GROUPS = "m365.directory.groups";
    public static final String DIRECTORY_GROUP_MEMBERSHIPS = "m365.directory.group-memberships";
    public static final String DIRECTORY_ROLES = "m365.directory.roles";
    public static final String DIRECTORY_ORGANIZATION = "m365.directory.organization";
    public static final String TEAMS_TEAMS = "m365.teams.teams";
    public static final String TEAMS_CHANNELS = "m365.teams.channels";
    public static final String TEAMS_MEMBERS = "m365.teams.members";
    public static final String TEAMS_INSTALLED_APPS = "m365.teams.installed-apps";
    public static final String APPS_EXTERNAL = "m365.apps.external";
    public static final String USAGE_DAILY = "m365.usage.daily";
    public static final String USAGE_LICENSE_UTILISATION = "m365.usage.license-utilisation";
    public static final String USAGE_INGESTION = "m365.usage.ingestion";
    public static final String ACTIONS_REQUESTS = "m365.actions.requests";
    public static final String ACTIONS_RESULTS = "m365.actions.results";
    public static final String DEAD_LETTER = "m365.dead-letter";

    private Topics() {
    }
}
