package io.m365platform.usage.ingestion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a connection's report ingestion stands.
 *
 * @param connectionId    connection
 * @param latestDataDay   the latest day a report had data for (the end of the usage window), null before any
 * @param daysIngested    days stored
 * @param daysPending     days still to ask (not asked yet, or not available yet)
 * @param daysUnavailable days Graph refused as older than its 28 days
 * @param pendingDays     the pending days
 * @param nextCallAt      when the next pending day is due, null when none is pending
 * @param callsInWindow   report calls made in the current throttle window
 * @param throttleLimit   calls allowed per window
 * @param throttledUntil  a 429's Retry-After pushes calls to this time, null when not throttled
 * @param concealed       the last day stored had concealed user names
 * @param concealedFix    what to do about it (null when not concealed)
 * @param unconcealOptIn  the operator lets the service turn concealment off (needs ReportSettings.ReadWrite.All)
 * @param lastError       the last failure, null when the last call succeeded
 */
public record IngestionStatus(String connectionId, LocalDate latestDataDay, int daysIngested, int daysPending,
                              int daysUnavailable, List<LocalDate> pendingDays, Instant nextCallAt, int callsInWindow,
                              int throttleLimit, Instant throttledUntil, boolean concealed, String concealedFix,
                              boolean unconcealOptIn, String lastError) {
}
