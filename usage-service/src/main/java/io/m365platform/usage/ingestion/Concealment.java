package io.m365platform.usage.ingestion;

/** What the service tells an operator whose reports conceal user names. */
public final class Concealment {

    /** The permission that lets the service turn concealment off itself (GRAPH_FACTS §5.6). */
    public static final String REPORT_SETTINGS_WRITE = "ReportSettings.ReadWrite.All";

    /** The fix, as the setup guide words it. */
    public static final String FIX = "Reports conceal user names (32-character hashes instead of user principal names), "
            + "so usage cannot be tied to users. In the Microsoft 365 admin center: Settings > Org settings > Services > "
            + "Reports > uncheck \"Display concealed user, group, and site names in all reports\". Or grant "
            + REPORT_SETTINGS_WRITE + " and opt in (PUT /usage/connections/{id}/ingestion/unconceal): the service then "
            + "turns it off and ingests the days again.";

    private Concealment() {
    }
}
