package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.UsageView;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * One user as a report row sees it: names (concealed or not), the window, lazily added-up totals, and the value
 * formats of Graph's CSVs (dates yyyy-MM-dd, empty for null, True/False and Yes/No flags).
 */
final class ReportRow {
    final UsageView view;
    final ReportWindow window;
    final String userPrincipalName;
    final String displayName;
    final String userId;
    final String tenantDisplayName;
    private WindowTotals totals;

    ReportRow(UsageView view, ReportWindow window, boolean conceal, String tenantId, String tenantDisplayName) {
        this.view = view;
        this.window = window;
        this.tenantDisplayName = tenantDisplayName;
        if (conceal) {
            String hash = ConcealedNames.of(tenantId, view.user().id());
            this.userPrincipalName = hash;
            this.displayName = hash;
            this.userId = hash;
        } else {
            this.userPrincipalName = view.user().userPrincipalName();
            this.displayName = view.user().displayName();
            this.userId = view.user().id();
        }
    }

    WindowTotals totals() {
        if (totals == null) {
            totals = WindowTotals.of(view, window);
        }
        return totals;
    }

    /** Last day (up to the window's end, never past the data) with matching activity, formatted; "" when none. */
    String last(Predicate<DayActivity> matches) {
        LocalDate end = window.to().isAfter(window.dataEnd()) ? window.dataEnd() : window.to();
        return date(view.lastActivity(end, matches));
    }

    String refreshDate() {
        return window.asOf().toString();
    }

    String period() {
        return String.valueOf(window.periodDays());
    }

    String isDeleted() {
        return tf(view.deleted());
    }

    String deletedDate() {
        return date(view.deletedOn());
    }

    String assignedProducts() {
        return view.entitlements().assignedProducts();
    }

    /** The day the licence (of a workload) was assigned: the account's creation day (the simulator keeps no history). */
    String assignDate(boolean licensed) {
        if (!licensed || view.user().createdDateTime() == null) {
            return "";
        }
        return view.user().createdDateTime().toString().substring(0, 10);
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String tf(boolean b) {
        return b ? "True" : "False";
    }

    static String yn(boolean b) {
        return b ? "Yes" : "No";
    }

    static String n(long v) {
        return Long.toString(v);
    }

    /** ISO-8601 duration as the Teams report prints it (e.g. PT1H2M3S, PT0S). */
    static String duration(long seconds) {
        return java.time.Duration.ofSeconds(seconds).toString();
    }
}
