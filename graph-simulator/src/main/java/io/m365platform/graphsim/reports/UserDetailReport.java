package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.UsageView;

import java.util.List;
import java.util.function.Consumer;

/** One of the user-detail CSV reports: its function name, exact header, who is listed, and the rows of a user. */
interface UserDetailReport {
    /** The Graph function name, e.g. getEmailActivityUserDetail. */
    String function();

    /** The exact CSV header, in Graph's order (GRAPH_FACTS §5.3). */
    List<String> header();

    /** Whether {@code period=} reports list this user (licensed for the workload). */
    boolean lists(UsageView v);

    /** Whether {@code date=} reports list a user with this activity on the day. */
    boolean activeOn(DayActivity day);

    /** Whether the report takes period/date parameters (activations: no). */
    default boolean hasWindow() {
        return true;
    }

    /** Whether soft/permanently deleted users (deleted within the window) are listed. */
    default boolean listsDeletedUsers() {
        return true;
    }

    void rows(ReportRow row, Consumer<List<String>> out);
}
