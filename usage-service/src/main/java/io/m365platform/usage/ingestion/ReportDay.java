package io.m365platform.usage.ingestion;

import java.time.LocalDate;

/** A claimed report call: one report of one connection for one day. */
public record ReportDay(String connectionId, String tenantId, String report, LocalDate day, int attempt) {
}
