package io.m365platform.usage.daily;

/**
 * What storing one report day came to.
 *
 * @param stored      whether the day was stored (false: no rows and no later day has data — not available yet)
 * @param rows        rows in the report
 * @param concealed   rows whose user name was a concealed 32-hex hash
 * @param unmapped    rows (not concealed) whose user is not in the directory projection (new, deleted, "(Unknown)")
 */
public record DayOutcome(boolean stored, int rows, int concealed, int unmapped) {
}
