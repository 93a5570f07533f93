package io.m365platform.usage.ingestion;

/** The report functions this service ingests by day. */
public final class Report {

    /** getM365AppUserDetail: apps × platforms per user. */
    public static final String M365_APP_USER_DETAIL = "getM365AppUserDetail";

    private Report() {
    }
}
