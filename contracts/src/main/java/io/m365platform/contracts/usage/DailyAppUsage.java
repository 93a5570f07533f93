package io.m365platform.contracts.usage;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one user did with the Microsoft 365 apps on one day: the whole list of (app, platform) pairs used
 * that day (an empty list means "reported, no use"). One record per user per day keeps the topic small
 * (apps x platforms would be 24 records); the latest record per key is the truth for that day.
 *
 * <p>Report names can be concealed (Microsoft 365 admin setting, on by default since 2021): the report then
 * shows a 32-hex hash instead of the UPN. Such rows are kept with {@code concealed = true} and no
 * {@code userId}; connection-service tells the operator how to turn concealment off.
 *
 * @param connectionId       connection
 * @param tenantId           tenant
 * @param reportDate         the day the usage is for
 * @param reportRefreshDate  "Report Refresh Date" of the report the row came from
 * @param userKey            identity used in the key: the user id when known, else the reported name in lower case
 * @param userId             Entra user id, null when the row could not be mapped (concealed or unknown user)
 * @param reportedUserName   the "User Principal Name" column as reported (a hash when concealed)
 * @param concealed          true when the report concealed the user's name
 * @param used               (app, platform) pairs used that day
 * @param lastActivityDate   "Last Activity Date" of the user in the report, when present
 * @param ingestionRunId     usage-service ingestion run that produced the record
 * @param ingestedAt         when it was produced
 */
public record DailyAppUsage(String connectionId, String tenantId, LocalDate reportDate, LocalDate reportRefreshDate,
                            String userKey, String userId, String reportedUserName, boolean concealed,
                            List<AppPlatformUsage> used, LocalDate lastActivityDate, String ingestionRunId,
                            Instant ingestedAt) implements PlatformEvent {

    private static final Pattern CONCEALED_NAME = Pattern.compile("[0-9A-Fa-f]{32}");

    public DailyAppUsage {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(reportDate, "reportDate");
        Checks.require(reportRefreshDate, "reportRefreshDate");
        Checks.requireText(userKey, "userKey");
        Checks.requireText(reportedUserName, "reportedUserName");
        used = Checks.list(used);
        Checks.requireText(ingestionRunId, "ingestionRunId");
        Checks.require(ingestedAt, "ingestedAt");
    }

    /** The user key rule: the Entra user id when known, otherwise the reported name in lower case. */
    public static String userKey(String userId, String reportedUserName) {
        return userId != null && !userId.isBlank() ? userId : Checks.requireText(reportedUserName,
                "reportedUserName").toLowerCase(java.util.Locale.ROOT);
    }

    /** True when a report's user name is a concealed 32-hex hash instead of a UPN. */
    public static boolean isConcealedName(String reportedUserName) {
        return reportedUserName != null && CONCEALED_NAME.matcher(reportedUserName).matches();
    }

    /** The Kafka key {@code {connectionId}/{userKey}/{reportDate}}. */
    public static String key(String connectionId, String userKey, LocalDate reportDate) {
        return EventKey.of(connectionId, userKey, reportDate.toString());
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, userKey, reportDate);
    }

    @Override
    public Instant eventTime() {
        return ingestedAt;
    }
}
