package io.m365platform.contracts;

import io.m365platform.contracts.action.ActionCompleted;
import io.m365platform.contracts.action.ActionFailed;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.apps.ExternalAppDeleted;
import io.m365platform.contracts.apps.ExternalAppSynced;
import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionCredentialsRotated;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionStatusChanged;
import io.m365platform.contracts.connection.ConnectionUpdated;
import io.m365platform.contracts.directory.DirectoryRoleDeleted;
import io.m365platform.contracts.directory.DirectoryRoleSynced;
import io.m365platform.contracts.directory.GroupDeleted;
import io.m365platform.contracts.directory.GroupMembershipDeleted;
import io.m365platform.contracts.directory.GroupMembershipSynced;
import io.m365platform.contracts.directory.GroupSynced;
import io.m365platform.contracts.directory.LicenseAssignmentDeleted;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.contracts.directory.OrganizationSynced;
import io.m365platform.contracts.directory.RoleAssignmentDeleted;
import io.m365platform.contracts.directory.RoleAssignmentSynced;
import io.m365platform.contracts.directory.SubscribedSkuDeleted;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.contracts.directory.UserDeleted;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.sync.SyncCompleted;
import io.m365platform.contracts.sync.SyncFailed;
import io.m365platform.contracts.sync.SyncHeld;
import io.m365platform.contracts.sync.SyncProgress;
import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.contracts.sync.SyncStarted;
import io.m365platform.contracts.teams.ChannelDeleted;
import io.m365platform.contracts.teams.ChannelSynced;
import io.m365platform.contracts.teams.InstalledAppDeleted;
import io.m365platform.contracts.teams.InstalledAppSynced;
import io.m365platform.contracts.teams.TeamDeleted;
import io.m365platform.contracts.teams.TeamMemberDeleted;
import io.m365platform.contracts.teams.TeamMemberSynced;
import io.m365platform.contracts.teams.TeamSynced;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.usage.DailyAppUsage;
import io.m365platform.contracts.usage.IngestionCompleted;
import io.m365platform.contracts.usage.IngestionDayIngested;
import io.m365platform.contracts.usage.IngestionFailed;
import io.m365platform.contracts.usage.IngestionStarted;
import io.m365platform.contracts.usage.IngestionThrottled;
import io.m365platform.contracts.usage.LicenseUtilisation;
import io.m365platform.contracts.usage.UsageStatusChanged;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of every event type: CloudEvents {@code type} string, Java record, JSON Schema file and topic.
 * The CloudEvents type is {@code io.m365platform.<feature>.<name>.v<major>}; its schema is
 * {@code schemas/<feature>/<name>.v<major>.json} on the classpath, with {@code $id}
 * {@value #SCHEMA_ID_BASE}{@code <feature>/<name>.v<major>.json}. A breaking change is a new major version:
 * a new constant next to the old one, never an edit of the old one.
 */
public enum EventType {
    CONNECTION_CREATED("connection.created.v1", ConnectionCreated.class, Topic.CONNECTIONS),
    CONNECTION_UPDATED("connection.updated.v1", ConnectionUpdated.class, Topic.CONNECTIONS),
    CONNECTION_CREDENTIALS_ROTATED("connection.credentials-rotated.v1", ConnectionCredentialsRotated.class, Topic.CONNECTIONS),
    CONNECTION_STATUS_CHANGED("connection.status-changed.v1", ConnectionStatusChanged.class, Topic.CONNECTIONS),
    CONNECTION_DELETED("connection.deleted.v1", ConnectionDeleted.class, Topic.CONNECTIONS),
    SYNC_REQUESTED("sync.requested.v1", SyncRequested.class, Topic.SYNC_REQUESTS),
    SYNC_STARTED("sync.started.v1", SyncStarted.class, Topic.SYNC_RUNS),
    SYNC_PROGRESS("sync.progress.v1", SyncProgress.class, Topic.SYNC_RUNS),
    SYNC_COMPLETED("sync.completed.v1", SyncCompleted.class, Topic.SYNC_RUNS),
    SYNC_FAILED("sync.failed.v1", SyncFailed.class, Topic.SYNC_RUNS),
    SYNC_HELD("sync.held.v1", SyncHeld.class, Topic.SYNC_RUNS),
    USER_SYNCED("directory.user.synced.v1", UserSynced.class, Topic.DIRECTORY_USERS),
    USER_DELETED("directory.user.deleted.v1", UserDeleted.class, Topic.DIRECTORY_USERS),
    SUBSCRIBED_SKU_SYNCED("directory.subscribed-sku.synced.v1", SubscribedSkuSynced.class, Topic.DIRECTORY_SUBSCRIBED_SKUS),
    SUBSCRIBED_SKU_DELETED("directory.subscribed-sku.deleted.v1", SubscribedSkuDeleted.class, Topic.DIRECTORY_SUBSCRIBED_SKUS),
    LICENSE_ASSIGNMENT_SYNCED("directory.license-assignment.synced.v1", LicenseAssignmentSynced.class, Topic.DIRECTORY_LICENSE_ASSIGNMENTS),
    LICENSE_ASSIGNMENT_DELETED("directory.license-assignment.deleted.v1", LicenseAssignmentDeleted.class, Topic.DIRECTORY_LICENSE_ASSIGNMENTS),
    GROUP_SYNCED("directory.group.synced.v1", GroupSynced.class, Topic.DIRECTORY_GROUPS),
    GROUP_DELETED("directory.group.deleted.v1", GroupDeleted.class, Topic.DIRECTORY_GROUPS),
    GROUP_MEMBERSHIP_SYNCED("directory.group-membership.synced.v1", GroupMembershipSynced.class, Topic.DIRECTORY_GROUP_MEMBERSHIPS),
    GROUP_MEMBERSHIP_DELETED("directory.group-membership.deleted.v1", GroupMembershipDeleted.class, Topic.DIRECTORY_GROUP_MEMBERSHIPS),
    DIRECTORY_ROLE_SYNCED("directory.role.synced.v1", DirectoryRoleSynced.class, Topic.DIRECTORY_ROLES),
    DIRECTORY_ROLE_DELETED("directory.role.deleted.v1", DirectoryRoleDeleted.class, Topic.DIRECTORY_ROLES),
    ROLE_ASSIGNMENT_SYNCED("directory.role-assignment.synced.v1", RoleAssignmentSynced.class, Topic.DIRECTORY_ROLES),
    ROLE_ASSIGNMENT_DELETED("directory.role-assignment.deleted.v1", RoleAssignmentDeleted.class, Topic.DIRECTORY_ROLES),
    ORGANIZATION_SYNCED("directory.organization.synced.v1", OrganizationSynced.class, Topic.DIRECTORY_ORGANIZATION),
    TEAM_SYNCED("teams.team.synced.v1", TeamSynced.class, Topic.TEAMS_TEAMS),
    TEAM_DELETED("teams.team.deleted.v1", TeamDeleted.class, Topic.TEAMS_TEAMS),
    CHANNEL_SYNCED("teams.channel.synced.v1", ChannelSynced.class, Topic.TEAMS_CHANNELS),
    CHANNEL_DELETED("teams.channel.deleted.v1", ChannelDeleted.class, Topic.TEAMS_CHANNELS),
    TEAM_MEMBER_SYNCED("teams.member.synced.v1", TeamMemberSynced.class, Topic.TEAMS_MEMBERS),
    TEAM_MEMBER_DELETED("teams.member.deleted.v1", TeamMemberDeleted.class, Topic.TEAMS_MEMBERS),
    INSTALLED_APP_SYNCED("teams.installed-app.synced.v1", InstalledAppSynced.class, Topic.TEAMS_INSTALLED_APPS),
    INSTALLED_APP_DELETED("teams.installed-app.deleted.v1", InstalledAppDeleted.class, Topic.TEAMS_INSTALLED_APPS),
    EXTERNAL_APP_SYNCED("apps.external-app.synced.v1", ExternalAppSynced.class, Topic.APPS_EXTERNAL),
    EXTERNAL_APP_DELETED("apps.external-app.deleted.v1", ExternalAppDeleted.class, Topic.APPS_EXTERNAL),
    DAILY_APP_USAGE_RECORDED("usage.daily-app-usage.recorded.v1", DailyAppUsage.class, Topic.USAGE_DAILY),
    LICENSE_UTILISATION_COMPUTED("usage.license-utilisation.computed.v1", LicenseUtilisation.class, Topic.USAGE_LICENSE_UTILISATION),
    USAGE_INGESTION_STARTED("usage.ingestion.started.v1", IngestionStarted.class, Topic.USAGE_INGESTION),
    USAGE_INGESTION_DAY_INGESTED("usage.ingestion.day-ingested.v1", IngestionDayIngested.class, Topic.USAGE_INGESTION),
    USAGE_INGESTION_THROTTLED("usage.ingestion.throttled.v1", IngestionThrottled.class, Topic.USAGE_INGESTION),
    USAGE_INGESTION_FAILED("usage.ingestion.failed.v1", IngestionFailed.class, Topic.USAGE_INGESTION),
    USAGE_INGESTION_COMPLETED("usage.ingestion.completed.v1", IngestionCompleted.class, Topic.USAGE_INGESTION),
    USAGE_STATUS_CHANGED("usage.status.changed.v1", UsageStatusChanged.class, Topic.USAGE_INGESTION),
    ACTION_REQUESTED("action.requested.v1", ActionRequested.class, Topic.ACTIONS_REQUESTS),
    ACTION_COMPLETED("action.completed.v1", ActionCompleted.class, Topic.ACTIONS_RESULTS),
    ACTION_FAILED("action.failed.v1", ActionFailed.class, Topic.ACTIONS_RESULTS),
    ACTION_REJECTED("action.rejected.v1", ActionRejected.class, Topic.ACTIONS_RESULTS),
    DEAD_LETTERED("platform.dead-lettered.v1", DeadLetter.class, Topic.DEAD_LETTER);

    /** Prefix of every CloudEvents type string. */
    public static final String TYPE_PREFIX = "io.m365platform.";
    /** Base URI of every schema {@code $id}; maps to {@value #SCHEMA_RESOURCE_ROOT} on the classpath. */
    public static final String SCHEMA_ID_BASE = "https://m365platform.io/schemas/";
    /** Classpath folder of the current schemas. */
    public static final String SCHEMA_RESOURCE_ROOT = "schemas/";

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String type;
    private final Class<? extends PlatformEvent> dataClass;
    private final Topic topic;

    EventType(String nameAndVersion, Class<? extends PlatformEvent> dataClass, Topic topic) {
        this.type = TYPE_PREFIX + nameAndVersion;
        this.dataClass = dataClass;
        this.topic = topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code io.m365platform.directory.user.synced.v1}. */
    public String type() {
        return type;
    }

    /** The record class of the payload. */
    public Class<? extends PlatformEvent> dataClass() {
        return dataClass;
    }

    /** The topic events of this type are published to. */
    public Topic topic() {
        return topic;
    }

    /** Path of the schema relative to {@value #SCHEMA_RESOURCE_ROOT}, e.g. {@code directory/user.synced.v1.json}. */
    public String schemaPath() {
        String name = type.substring(TYPE_PREFIX.length());
        int dot = name.indexOf('.');
        return name.substring(0, dot) + "/" + name.substring(dot + 1) + ".json";
    }

    /** Classpath resource of the schema, e.g. {@code schemas/directory/user.synced.v1.json}. */
    public String schemaResource() {
        return SCHEMA_RESOURCE_ROOT + schemaPath();
    }

    /** The schema's {@code $id}, also sent as {@code ce_dataschema}. */
    public String schemaId() {
        return SCHEMA_ID_BASE + schemaPath();
    }

    /** The event type with this CloudEvents type string, if registered. */
    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** The event type of a record class; throws if the class is not registered. */
    public static EventType of(Class<?> dataClass) {
        EventType type = BY_CLASS.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException(dataClass.getName() + " is not a registered event type");
        }
        return type;
    }

    /** The event types published to a topic. */
    public static List<EventType> on(Topic topic) {
        return Arrays.stream(values()).filter(t -> t.topic == topic).toList();
    }
}
