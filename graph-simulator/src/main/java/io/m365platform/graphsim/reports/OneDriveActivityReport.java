package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.UsageView;

import java.util.List;
import java.util.function.Consumer;

import static io.m365platform.graphsim.reports.ReportRow.n;

/** getOneDriveActivityUserDetail: file activity of users licensed for SharePoint/OneDrive (no Display Name column). */
final class OneDriveActivityReport implements UserDetailReport {
    static final List<String> HEADER = List.of("Report Refresh Date", "User Principal Name", "Is Deleted", "Deleted Date",
            "Last Activity Date", "Viewed Or Edited File Count", "Synced File Count", "Shared Internally File Count",
            "Shared Externally File Count", "Assigned Products", "Report Period");

    @Override
    public String function() {
        return "getOneDriveActivityUserDetail";
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public boolean lists(UsageView v) {
        return v.entitlements().sharePoint();
    }

    @Override
    public boolean activeOn(DayActivity day) {
        return day.oneDrive() != null;
    }

    @Override
    public void rows(ReportRow r, Consumer<List<String>> out) {
        WindowTotals t = r.totals();
        out.accept(List.of(r.refreshDate(), r.userPrincipalName, r.isDeleted(), r.deletedDate(),
                r.last(d -> d.oneDrive() != null), n(t.viewedOrEdited), n(t.synced), n(t.sharedInternally),
                n(t.sharedExternally), r.assignedProducts(), r.period()));
    }
}
