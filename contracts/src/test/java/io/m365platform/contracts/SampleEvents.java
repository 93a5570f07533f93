package io.m365platform.contracts;

import io.m365platform.contracts.action.ActionCompleted;
import io.m365platform.contracts.action.ActionFailed;
import io.m365platform.contracts.action.ActionOutcome;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.action.ActionRequested;
import io.m365platform.contracts.action.ActionResult;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.deadletter.DeadLetterHeader;
import io.m365platform.contracts.action.ValidationError;
import io.m365platform.contracts.action.parameters.AddTeamMemberParameters;
import io.m365platform.contracts.action.parameters.ActionParameters;
import io.m365platform.contracts.action.parameters.AssignLicenseParameters;
import io.m365platform.contracts.action.parameters.CreateUserParameters;
import io.m365platform.contracts.action.parameters.DeleteCalendarEventsParameters;
import io.m365platform.contracts.action.parameters.GroupMemberParameters;
import io.m365platform.contracts.action.parameters.RemoveCalendarDelegationParameters;
import io.m365platform.contracts.action.parameters.RemoveLicenseParameters;
import io.m365platform.contracts.action.parameters.RemoveMailForwardingParameters;
import io.m365platform.contracts.action.parameters.RemoveTeamMemberParameters;
import io.m365platform.contracts.action.parameters.ResetPasswordParameters;
import io.m365platform.contracts.action.parameters.SendBotMessageParameters;
import io.m365platform.contracts.action.parameters.SetAutomaticRepliesParameters;
import io.m365platform.contracts.action.parameters.SetMailForwardingParameters;
import io.m365platform.contracts.action.parameters.SetManagerParameters;
import io.m365platform.contracts.action.parameters.SetUserTypeParameters;
import io.m365platform.contracts.action.parameters.TransferOneDriveParameters;
import io.m365platform.contracts.action.parameters.UpdateUserParameters;
import io.m365platform.contracts.action.parameters.UserTarget;
import io.m365platform.contracts.apps.ApplicationPermission;
import io.m365platform.contracts.apps.ConsentType;
import io.m365platform.contracts.apps.DelegatedConsent;
import io.m365platform.contracts.apps.ExternalApp;
import io.m365platform.contracts.apps.ExternalAppDeleted;
import io.m365platform.contracts.apps.ExternalAppSynced;
import io.m365platform.contracts.apps.VerifiedPublisher;
import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionCredentialsRotated;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.ConnectionStatusChanged;
import io.m365platform.contracts.connection.ConnectionUpdated;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.directory.AssignedLicense;
import io.m365platform.contracts.directory.DirectoryGroup;
import io.m365platform.contracts.directory.DirectoryRole;
import io.m365platform.contracts.directory.DirectoryRoleDeleted;
import io.m365platform.contracts.directory.DirectoryRoleSynced;
import io.m365platform.contracts.directory.DirectoryUser;
import io.m365platform.contracts.directory.GroupDeleted;
import io.m365platform.contracts.directory.GroupKind;
import io.m365platform.contracts.directory.GroupMembership;
import io.m365platform.contracts.directory.GroupMembershipDeleted;
import io.m365platform.contracts.directory.GroupMembershipSynced;
import io.m365platform.contracts.directory.GroupSynced;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.LicenseAssignmentDeleted;
import io.m365platform.contracts.directory.LicenseAssignmentState;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.contracts.directory.LicenseUnits;
import io.m365platform.contracts.directory.MemberType;
import io.m365platform.contracts.directory.MembershipRelation;
import io.m365platform.contracts.directory.Organization;
import io.m365platform.contracts.directory.OrganizationSynced;
import io.m365platform.contracts.directory.RoleAssignment;
import io.m365platform.contracts.directory.RoleAssignmentDeleted;
import io.m365platform.contracts.directory.RoleAssignmentSynced;
import io.m365platform.contracts.directory.ServicePlan;
import io.m365platform.contracts.directory.SignInActivity;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.contracts.directory.SubscribedSkuDeleted;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.contracts.directory.UserDeleted;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.directory.VerifiedDomain;
import io.m365platform.contracts.sync.ResourceCounts;
import io.m365platform.contracts.sync.SyncCompleted;
import io.m365platform.contracts.sync.SyncFailed;
import io.m365platform.contracts.sync.SyncHeld;
import io.m365platform.contracts.sync.SyncMode;
import io.m365platform.contracts.sync.SyncProgress;
import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncStarted;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.contracts.teams.Channel;
import io.m365platform.contracts.teams.ChannelDeleted;
import io.m365platform.contracts.teams.ChannelSynced;
import io.m365platform.contracts.teams.InstalledApp;
import io.m365platform.contracts.teams.InstalledAppDeleted;
import io.m365platform.contracts.teams.InstalledAppSynced;
import io.m365platform.contracts.teams.Team;
import io.m365platform.contracts.teams.TeamDeleted;
import io.m365platform.contracts.teams.TeamMember;
import io.m365platform.contracts.teams.TeamMemberDeleted;
import io.m365platform.contracts.teams.TeamMemberSynced;
import io.m365platform.contracts.teams.TeamSynced;
import io.m365platform.contracts.usage.AppPlatformUsage;
import io.m365platform.contracts.usage.DailyAppUsage;
import io.m365platform.contracts.usage.IngestionCompleted;
import io.m365platform.contracts.usage.IngestionDayIngested;
import io.m365platform.contracts.usage.IngestionFailed;
import io.m365platform.contracts.usage.IngestionStarted;
import io.m365platform.contracts.usage.IngestionThrottled;
import io.m365platform.contracts.usage.LicenseUtilisation;
import io.m365platform.contracts.usage.UsageApp;
import io.m365platform.contracts.usage.UsagePlatform;
import io.m365platform.contracts.usage.UsageStatusChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic sample of every event type (values shaped like what Graph returns for a small tenant), plus
 * one sample parameters record per action type. Tests fail if a type has no sample.
 */
public final class SampleEvents {

    public static final String TENANT = "8f3c2a91-5d7e-4b1a-9c6f-2e4d8a7b1c30";
    public static final String CONNECTION = "c0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b";
    public static final String RUN = "run-2026-03-01T06:00:00Z-7f3e";
    public static final Instant NOW = Instant.parse("2026-03-01T06:04:12.345Z");
    public static final String ADELE = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    public static final String ALEX = "4782e723-f4f4-4af3-a76e-25e3bab0d896";
    public static final String GROUP = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    public static final String E5_SKU = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
    public static final String TEAMS_PLAN = "57ff2da0-773e-42df-b2af-ffb7a2317929";
    public static final String EXCHANGE_PLAN = "efb87545-963c-4e0d-99df-69c6916d9eb0";

    private SampleEvents() {
    }

    /** One sample per event type, in EventType order. */
    public static Map<EventType, PlatformEvent> all() {
        Map<EventType, PlatformEvent> samples = new EnumMap<>(EventType.class);
        ConnectionState connected = connection(ConnectionStatus.CONNECTED);
        samples.put(EventType.CONNECTION_CREATED, new ConnectionCreated(connection(ConnectionStatus.PENDING),
                "operator:megan.bowen@contoso.com", NOW));
        samples.put(EventType.CONNECTION_UPDATED, new ConnectionUpdated(connected, List.of("permissionLevel"),
                "operator:megan.bowen@contoso.com", NOW));
        samples.put(EventType.CONNECTION_CREDENTIALS_ROTATED, new ConnectionCredentialsRotated(connected,
                "operator:megan.bowen@contoso.com", Instant.parse("2026-03-15T00:00:00Z"), NOW));
        samples.put(EventType.CONNECTION_STATUS_CHANGED, new ConnectionStatusChanged(
                new ConnectionState(CONNECTION, TENANT, Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                        PermissionLevel.READ_WRITE, "Contoso production", ConnectionStatus.PERMISSIONS_MISSING,
                        "The app token lacks Reports.Read.All", "Grant admin consent for Reports.Read.All in Entra ID",
                        "2b5c8d4e-61f0-4a7b-9e3d-0c1f2a3b4c5d", List.of("User.Read.All", "Group.Read.All"),
                        List.of("Reports.Read.All"), Instant.parse("2027-01-31T00:00:00Z"),
                        Instant.parse("2026-02-01T09:00:00Z"), NOW, NOW),
                ConnectionStatus.CONNECTED, NOW));
        samples.put(EventType.CONNECTION_DELETED, new ConnectionDeleted(CONNECTION, TENANT,
                "operator:megan.bowen@contoso.com", NOW));

        List<ResourceCounts> counts = List.of(
                new ResourceCounts(SyncResource.USERS, 1200, 3, 17, 1178, 2),
                new ResourceCounts(SyncResource.GROUPS, 140, 0, 1, 139, 0));
        samples.put(EventType.SYNC_REQUESTED, new SyncRequested("req-5c1d9e", CONNECTION, TENANT, SyncMode.FULL,
                List.of(SyncResource.USERS, SyncResource.GROUPS), "operator:megan.bowen@contoso.com",
                "after bulk HR import", NOW, null));
        samples.put(EventType.SYNC_STARTED, new SyncStarted(RUN, CONNECTION, TENANT, "req-5c1d9e",
                SyncTrigger.REQUEST, SyncMode.FULL, List.of(SyncResource.USERS, SyncResource.GROUPS),
                Instant.parse("2026-03-01T06:00:00Z")));
        samples.put(EventType.SYNC_PROGRESS, new SyncProgress(RUN, CONNECTION, TENANT, SyncResource.GROUPS, counts, 37,
                NOW));
        samples.put(EventType.SYNC_COMPLETED, new SyncCompleted(RUN, CONNECTION, TENANT, SyncMode.FULL,
                Instant.parse("2026-03-01T06:00:00Z"), NOW, 252_345, counts, 41, 2));
        samples.put(EventType.SYNC_FAILED, new SyncFailed(RUN, CONNECTION, TENANT, SyncMode.INCREMENTAL,
                Instant.parse("2026-03-01T06:00:00Z"), NOW, "throttled",
                "Graph answered 429 for 10 minutes; out of retries", true, Instant.parse("2026-03-01T06:30:00Z"),
                counts));
        samples.put(EventType.SYNC_HELD, new SyncHeld(RUN, CONNECTION, TENANT, SyncResource.USERS, 480, 1200, 0.4,
                0.1, NOW, counts));

        samples.put(EventType.USER_SYNCED, new UserSynced(CONNECTION, TENANT, RUN, NOW, adele()));
        samples.put(EventType.USER_DELETED, new UserDeleted(CONNECTION, TENANT, RUN, NOW, ALEX,
                DeletionReason.SOFT_DELETED));
        samples.put(EventType.SUBSCRIBED_SKU_SYNCED, new SubscribedSkuSynced(CONNECTION, TENANT, RUN, NOW, e5()));
        samples.put(EventType.SUBSCRIBED_SKU_DELETED, new SubscribedSkuDeleted(CONNECTION, TENANT, RUN, NOW,
                "f30db892-07e9-47e9-837c-80727f46fd3d", DeletionReason.NOT_FOUND));
        samples.put(EventType.LICENSE_ASSIGNMENT_SYNCED, new LicenseAssignmentSynced(CONNECTION, TENANT, RUN, NOW,
                new LicenseAssignment(ADELE, "AdeleV@contoso.onmicrosoft.com", E5_SKU, "SPE_E5", true,
                        List.of(GROUP), List.of(), List.of(
                        new LicenseAssignmentState(null, List.of(TEAMS_PLAN), "Active", null,
                                Instant.parse("2025-11-03T08:12:44Z")),
                        new LicenseAssignmentState(GROUP, List.of(), "Active", null,
                                Instant.parse("2025-12-01T10:00:00Z"))))));
        samples.put(EventType.LICENSE_ASSIGNMENT_DELETED, new LicenseAssignmentDeleted(CONNECTION, TENANT, RUN, NOW,
                ALEX, E5_SKU, DeletionReason.NOT_FOUND));
        samples.put(EventType.GROUP_SYNCED, new GroupSynced(CONNECTION, TENANT, RUN, NOW, new DirectoryGroup(GROUP,
                "Mark 8 Project Team", "Everything about the Mark 8", "Mark8ProjectTeam@contoso.onmicrosoft.com",
                "Mark8ProjectTeam", true, false, List.of("Unified"), null, null, "Public", List.of("Team"), false,
                false, Instant.parse("2024-05-02T13:22:10Z"), GroupKind.classify(List.of("Unified"), true, false),
                true)));
        samples.put(EventType.GROUP_DELETED, new GroupDeleted(CONNECTION, TENANT, RUN, NOW,
                "b320ee12-b1cd-4cca-b648-a437be61c5cd", DeletionReason.HARD_DELETED));
        samples.put(EventType.GROUP_MEMBERSHIP_SYNCED, new GroupMembershipSynced(CONNECTION, TENANT, RUN, NOW,
                new GroupMembership(GROUP, ADELE, MemberType.USER, MembershipRelation.DIRECT)));
        samples.put(EventType.GROUP_MEMBERSHIP_DELETED, new GroupMembershipDeleted(CONNECTION, TENANT, RUN, NOW,
                GROUP, ALEX, DeletionReason.NOT_FOUND));
        samples.put(EventType.DIRECTORY_ROLE_SYNCED, new DirectoryRoleSynced(CONNECTION, TENANT, RUN, NOW,
                new DirectoryRole("0ff1b8c1-5e2a-4a16-a8b3-3d4c3c7e1e7a", "62e90394-69f5-4237-9190-012177145e10",
                        "Global Administrator", "Can manage all aspects of Microsoft Entra ID.")));
        samples.put(EventType.DIRECTORY_ROLE_DELETED, new DirectoryRoleDeleted(CONNECTION, TENANT, RUN, NOW,
                "1b3c8f2a-2c4d-4e6f-8a0b-1c2d3e4f5a6b", DeletionReason.NOT_FOUND));
        samples.put(EventType.ROLE_ASSIGNMENT_SYNCED, new RoleAssignmentSynced(CONNECTION, TENANT, RUN, NOW,
                new RoleAssignment("lAPpYvVpN0KRkAEhdxReEJC2sEqbR_9Hr48lds9SGHI-1", ADELE, "user",
                        "62e90394-69f5-4237-9190-012177145e10", "Global Administrator", "/", null)));
        samples.put(EventType.ROLE_ASSIGNMENT_DELETED, new RoleAssignmentDeleted(CONNECTION, TENANT, RUN, NOW,
                "lAPpYvVpN0KRkAEhdxReEJC2sEqbR_9Hr48lds9SGHI-2", DeletionReason.NOT_FOUND));
        samples.put(EventType.ORGANIZATION_SYNCED, new OrganizationSynced(CONNECTION, TENANT, RUN, NOW,
                new Organization(TENANT, "Contoso", "US", "US", "en-US", "AAD", Instant.parse("2019-04-01T08:00:00Z"),
                        null, List.of(new VerifiedDomain("contoso.onmicrosoft.com", false, true, "Managed",
                                        "Email, OfficeCommunicationsOnline"),
                                new VerifiedDomain("contoso.com", true, false, "Managed", "Email")))));

        samples.put(EventType.TEAM_SYNCED, new TeamSynced(CONNECTION, TENANT, RUN, NOW, new Team(GROUP,
                "Mark 8 Project Team", "Everything about the Mark 8", "public", null, false,
                "https://teams.microsoft.com/l/team/19%3Aabc%40thread.tacv2/conversations?groupId=" + GROUP,
                Instant.parse("2024-05-02T13:25:00Z"))));
        samples.put(EventType.TEAM_DELETED, new TeamDeleted(CONNECTION, TENANT, RUN, NOW,
                "b320ee12-b1cd-4cca-b648-a437be61c5cd", DeletionReason.NOT_FOUND));
        samples.put(EventType.CHANNEL_SYNCED, new ChannelSynced(CONNECTION, TENANT, RUN, NOW, new Channel(
                "19:09fc54a3141a45d0bc769cf506d2e079@thread.tacv2", GROUP, "Design", "Design discussions", null,
                "standard", false, true, null, Instant.parse("2024-05-02T13:26:00Z"))));
        samples.put(EventType.CHANNEL_DELETED, new ChannelDeleted(CONNECTION, TENANT, RUN, NOW, GROUP,
                "19:1a2b3c4d5e6f@thread.tacv2", DeletionReason.NOT_FOUND));
        samples.put(EventType.TEAM_MEMBER_SYNCED, new TeamMemberSynced(CONNECTION, TENANT, RUN, NOW, new TeamMember(
                GROUP, "MCMjMjQzMmI1N2ItMGFiZC00M2RiLWFhN2ItMTZlYWRkMTE1ZDM0IyNlZWY5Y2FhMi1mYzMyLTRjNTQtYTU1Yi0/ZGE=",
                ADELE, "Adele Vance", "AdeleV@contoso.com", List.of("owner"), TENANT,
                Instant.parse("0001-01-01T00:00:00Z"))));
        samples.put(EventType.TEAM_MEMBER_DELETED, new TeamMemberDeleted(CONNECTION, TENANT, RUN, NOW, GROUP, ALEX,
                DeletionReason.NOT_FOUND));
        samples.put(EventType.INSTALLED_APP_SYNCED, new InstalledAppSynced(CONNECTION, TENANT, RUN, NOW,
                new InstalledApp(ADELE, "NjRiOWM3NDYtYjE1NS00MDVmLThmMTItNTI0OWM2ZDJkNGRjIyMwYzIzN2NmMS0zZjc5",
                        "com.microsoft.teamspace.tab.planner", null, "Planner", "store",
                        "MTQzYzkyNTctYzVjMC00YTc0LTg0MjAtNzc4MjJlNWZiNWVmIyMxLjAuMA==", "1.0.0", "published",
                        "Plan tasks in Teams", "d52c86e6-2c63-4d39-9fbd-6a5d0a3a1b2c",
                        Instant.parse("2025-10-10T10:10:10Z"))));
        samples.put(EventType.INSTALLED_APP_DELETED, new InstalledAppDeleted(CONNECTION, TENANT, RUN, NOW, ADELE,
                "com.contoso.expenses", DeletionReason.NOT_FOUND));

        samples.put(EventType.EXTERNAL_APP_SYNCED, new ExternalAppSynced(CONNECTION, TENANT, RUN, NOW, ExternalApp.of(
                "6b2f2f0e-6a40-4b6f-9d3b-1e8b1b9f0c11", "a1b2c3d4-1111-4222-8333-944455566677", "Zoom",
                "Zoom Video Communications", new VerifiedPublisher("Zoom Video Communications, Inc.", "4566045",
                        Instant.parse("2021-06-01T00:00:00Z")),
                "5a9f2f6d-7f3c-4d9e-9e2b-2c1d3e4f5a6b", "Application", "AzureADMultipleOrgs", "https://zoom.us",
                List.of("WindowsAzureActiveDirectoryIntegratedApp"), true,
                List.of(new DelegatedConsent("grant-1", ConsentType.ALL_PRINCIPALS, null,
                                "ab2f2f0e-6a40-4b6f-9d3b-1e8b1b9f0c99", "Microsoft Graph",
                                List.of("openid", "profile", "User.Read")),
                        new DelegatedConsent("grant-2", ConsentType.PRINCIPAL, ADELE,
                                "ab2f2f0e-6a40-4b6f-9d3b-1e8b1b9f0c99", "Microsoft Graph",
                                List.of("Calendars.ReadWrite"))),
                List.of(new ApplicationPermission("assign-1", "ab2f2f0e-6a40-4b6f-9d3b-1e8b1b9f0c99",
                        "Microsoft Graph", "df021288-bdef-4463-88db-98f22de89214", "User.Read.All",
                        Instant.parse("2024-01-01T00:00:00Z"))))));
        samples.put(EventType.EXTERNAL_APP_DELETED, new ExternalAppDeleted(CONNECTION, TENANT, RUN, NOW,
                "7c3f2f0e-6a40-4b6f-9d3b-1e8b1b9f0c22", DeletionReason.HARD_DELETED));

        samples.put(EventType.DAILY_APP_USAGE_RECORDED, new DailyAppUsage(CONNECTION, TENANT,
                LocalDate.parse("2026-02-26"), LocalDate.parse("2026-02-27"), DailyAppUsage.userKey(ADELE,
                "AdeleV@contoso.com"), ADELE, "AdeleV@contoso.com", false, List.of(
                new AppPlatformUsage(UsageApp.OUTLOOK, UsagePlatform.WINDOWS),
                new AppPlatformUsage(UsageApp.TEAMS, UsagePlatform.MOBILE),
                new AppPlatformUsage(UsageApp.EXCEL, UsagePlatform.WEB)), LocalDate.parse("2026-02-26"),
                "ingest-2026-02-28-a", NOW));
        samples.put(EventType.LICENSE_UTILISATION_COMPUTED, new LicenseUtilisation(CONNECTION, TENANT, E5_SKU,
                "SPE_E5", LocalDate.parse("2026-01-31"), LocalDate.parse("2026-02-27"), 28, 250, 231, 198, 33, 19, 0,
                212, 19, 27, 0, NOW));

        String usageRun = "b3f1c7e2-5a4d-4e8f-9c21-7d6e5f4a3b2c";
        String report = "getM365AppUserDetail";
        Instant started = Instant.parse("2026-03-01T06:00:00Z");
        samples.put(EventType.USAGE_INGESTION_STARTED, new IngestionStarted(usageRun, CONNECTION, TENANT, report, 27,
                started));
        samples.put(EventType.USAGE_INGESTION_DAY_INGESTED, new IngestionDayIngested(usageRun, CONNECTION, TENANT,
                report, LocalDate.parse("2026-02-27"), 212, 0, 3, NOW));
        samples.put(EventType.USAGE_INGESTION_THROTTLED, new IngestionThrottled(usageRun, CONNECTION, TENANT, report,
                LocalDate.parse("2026-02-26"), Instant.parse("2026-03-01T06:14:12Z"),
                "429 TooManyRequests: Too many requests", NOW));
        samples.put(EventType.USAGE_INGESTION_FAILED, new IngestionFailed(usageRun, CONNECTION, TENANT, report,
                LocalDate.parse("2026-02-25"), "503 serviceNotAvailable: Service unavailable", true,
                Instant.parse("2026-03-01T06:19:12Z"), NOW));
        samples.put(EventType.USAGE_INGESTION_COMPLETED, new IngestionCompleted(usageRun, CONNECTION, TENANT, report,
                started, NOW, 26, 0, 1));
        samples.put(EventType.USAGE_STATUS_CHANGED, new UsageStatusChanged(CONNECTION, TENANT, true,
                "In the Microsoft 365 admin center: Settings > Org settings > Services > Reports > uncheck "
                        + "\"Display concealed user, group, and site names in all reports\".", false, NOW));

        samples.put(EventType.ACTION_REQUESTED, new ActionRequested("act-9b1f0c2e", CONNECTION, TENANT,
                ActionType.DISABLE_USER, new UserTarget(ALEX), "workflow:offboarding", "Leaver: last day 2026-02-28",
                "wf-run-4411", NOW));
        samples.put(EventType.ACTION_COMPLETED, new ActionCompleted("act-9b1f0c2e", CONNECTION, TENANT,
                ActionType.DISABLE_USER, ALEX, new ActionResult(ActionOutcome.APPLIED, ALEX,
                Map.of("accountEnabled", "false")), 1, NOW));
        samples.put(EventType.ACTION_FAILED, new ActionFailed("act-1c2d3e4f", CONNECTION, TENANT,
                ActionType.ASSIGN_LICENSE, ALEX, "invalid-usage-location",
                "License assignment needs the user's usageLocation; set it with update-user first", false, 1, 400,
                "Request_BadRequest", NOW));
        samples.put(EventType.ACTION_REJECTED, new ActionRejected("act-7a8b9c0d", CONNECTION, TENANT,
                ActionType.SET_MAIL_FORWARDING, List.of(new ValidationError("/parameters/forwardToAddress",
                "is required")), NOW));
        samples.put(EventType.DEAD_LETTERED, new DeadLetter(CONNECTION, TENANT, "m365.actions.requests", 3,
                1042, NOW.minusSeconds(5), CONNECTION + "/" + ALEX, List.of(
                new DeadLetterHeader("ce_type", "io.m365platform.action.requested.v9", false),
                new DeadLetterHeader("trace", "AAEC/w==", true)), "{\"actionId\":\"act-x\"}", null, "unknown-type",
                "ce_type 'io.m365platform.action.requested.v9' is not a registered event type",
                "action-service", NOW));
        for (EventType type : EventType.values()) {
            if (!samples.containsKey(type)) {
                throw new IllegalStateException("no sample for " + type);
            }
        }
        return samples;
    }

    /** One sample parameters record per action type. */
    public static Map<ActionType, ActionParameters> actionParameters() {
        Map<ActionType, ActionParameters> parameters = new EnumMap<>(ActionType.class);
        parameters.put(ActionType.CREATE_USER, new CreateUserParameters("PattiF@contoso.com", "Patti Fernandez",
                "PattiF", "Patti", "Fernandez", "President", "Executive", "Redmond", "US", true, ADELE, true));
        parameters.put(ActionType.UPDATE_USER, new UpdateUserParameters(ADELE, null, null, null, "Retail Manager",
                "Retail", null, null, null, null, null));
        parameters.put(ActionType.DELETE_USER, new UserTarget(ALEX));
        parameters.put(ActionType.ENABLE_USER, new UserTarget(ALEX));
        parameters.put(ActionType.DISABLE_USER, new UserTarget(ALEX));
        parameters.put(ActionType.SET_MANAGER, new SetManagerParameters(ALEX, ADELE));
        parameters.put(ActionType.REMOVE_MANAGER, new UserTarget(ALEX));
        parameters.put(ActionType.SET_USER_TYPE, new SetUserTypeParameters(ALEX, "Guest"));
        parameters.put(ActionType.REVOKE_SESSIONS, new UserTarget(ALEX));
        parameters.put(ActionType.ADD_GROUP_MEMBER, new GroupMemberParameters(GROUP, ALEX));
        parameters.put(ActionType.REMOVE_GROUP_MEMBER, new GroupMemberParameters(GROUP, ALEX));
        parameters.put(ActionType.ADD_TEAM_MEMBER, new AddTeamMemberParameters(GROUP, ALEX, false));
        parameters.put(ActionType.REMOVE_TEAM_MEMBER, new RemoveTeamMemberParameters(GROUP, ALEX));
        parameters.put(ActionType.SET_MAIL_FORWARDING, new SetMailForwardingParameters(ALEX, "AdeleV@contoso.com",
                "Adele Vance", false, "Leaver forwarding"));
        parameters.put(ActionType.REMOVE_MAIL_FORWARDING, new RemoveMailForwardingParameters(ALEX, null));
        parameters.put(ActionType.SET_AUTOMATIC_REPLIES, new SetAutomaticRepliesParameters(ALEX,
                SetAutomaticRepliesParameters.Status.SCHEDULED, SetAutomaticRepliesParameters.Audience.ALL,
                "Alex has left Contoso; please contact Adele Vance.", "Alex has left Contoso.",
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z")));
        parameters.put(ActionType.DELETE_CALENDAR_EVENTS, new DeleteCalendarEventsParameters(ALEX,
                Instant.parse("2026-03-01T00:00:00Z"), null, true, "Alex has left Contoso."));
        parameters.put(ActionType.REMOVE_CALENDAR_DELEGATION, new RemoveCalendarDelegationParameters(ALEX, null));
        parameters.put(ActionType.TRANSFER_ONEDRIVE_TO_MANAGER, new TransferOneDriveParameters(ALEX, null,
                "Alex Wilber (archive)"));
        parameters.put(ActionType.ASSIGN_LICENSE, new AssignLicenseParameters(ADELE, E5_SKU,
                List.of(TEAMS_PLAN)));
        parameters.put(ActionType.REMOVE_LICENSE, new RemoveLicenseParameters(ALEX, E5_SKU));
        parameters.put(ActionType.SEND_BOT_MESSAGE, new SendBotMessageParameters(null, GROUP,
                "19:09fc54a3141a45d0bc769cf506d2e079@thread.tacv2", SendBotMessageParameters.ContentType.HTML,
                "<b>Welcome</b> Patti!"));
        parameters.put(ActionType.RESET_PASSWORD, new ResetPasswordParameters(ALEX, true));
        return parameters;
    }

    /** An action request of the given type with its sample parameters. */
    public static ActionRequested actionRequest(ActionType type) {
        return new ActionRequested("act-" + type.wireName(), CONNECTION, TENANT, type,
                actionParameters().get(type), "workflow:offboarding", null, null, NOW);
    }

    public static ConnectionState connection(ConnectionStatus status) {
        return new ConnectionState(CONNECTION, TENANT, Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ_WRITE, "Contoso production", status,
                status == ConnectionStatus.PENDING ? "Not tested yet" : null,
                status == ConnectionStatus.PENDING ? "Run the connection test" : null,
                "2b5c8d4e-61f0-4a7b-9e3d-0c1f2a3b4c5d",
                status == ConnectionStatus.PENDING ? List.of() : List.of("User.Read.All", "Group.Read.All",
                        "Reports.Read.All", "User.ReadWrite.All"),
                List.of(), Instant.parse("2027-01-31T00:00:00Z"), Instant.parse("2026-02-01T09:00:00Z"), NOW,
                status == ConnectionStatus.PENDING ? null : NOW);
    }

    public static DirectoryUser adele() {
        return new DirectoryUser(ADELE, "AdeleV@contoso.com", "Adele Vance", "Adele", "Vance", "AdeleV@contoso.com",
                "AdeleV", "Retail Manager", "Retail", "Contoso", "18/2111", "E1042", "Employee", "Bellevue",
                "United States", "+1 425 555 0109", List.of("+1 425 555 0109"), "en-US", true, "Member",
                Instant.parse("2019-06-10T15:20:31Z"), Instant.parse("2025-12-01T08:00:00Z"), "US", ALEX,
                List.of(new AssignedLicense(E5_SKU, List.of(TEAMS_PLAN))),
                new SignInActivity(Instant.parse("2026-02-28T17:45:01Z"), Instant.parse("2026-03-01T05:12:00Z"),
                        Instant.parse("2026-02-28T17:45:01Z")),
                null, null, false);
    }

    public static SubscribedSku e5() {
        LicenseUnits prepaid = new LicenseUnits(250, 0, 0, 0);
        return new SubscribedSku(TENANT + "_" + E5_SKU, E5_SKU, "SPE_E5", "Enabled", "User", 231, prepaid,
                SubscribedSku.unassigned(prepaid, 231), List.of(
                new ServicePlan(TEAMS_PLAN, "TEAMS1", "Success", "User"),
                new ServicePlan(EXCHANGE_PLAN, "EXCHANGE_S_ENTERPRISE", "Success", "User")),
                "acc-1", "Contoso Ltd", List.of("sub-123"));
    }
}
