package io.m365platform.usage.summary;

import java.time.LocalDate;

/**
 * The 28-day window of a connection: it ends at the latest day a report had data for (the Report Refresh Date of the
 * date= form), so it is empty until a first day was stored.
 *
 * @param start       first day
 * @param end         last day (latest day with data)
 * @param daysCovered days of the window that are stored (28 when complete; the first backfill may miss the oldest
 *                    day, which Graph's date= form no longer serves)
 */
public record UsageWindow(LocalDate start, LocalDate end, int daysCovered) {

    public static UsageWindow ending(LocalDate end, int windowDays, int daysCovered) {
        return new UsageWindow(end.minusDays(windowDays - 1L), end, daysCovered);
    }
}
