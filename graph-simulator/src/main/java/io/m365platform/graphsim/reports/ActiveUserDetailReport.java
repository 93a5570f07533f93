package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.Entitlements;
import io.m365platform.graphsim.usage.UsageView;

import java.util.List;
import java.util.function.Consumer;

import static io.m365platform.graphsim.reports.ReportRow.tf;

/** getOffice365ActiveUserDetail: per-workload licences, last activity and licence dates (no Report Period column). */
final class ActiveUserDetailReport implements UserDetailReport {
    static final List<String> HEADER = List.of("Report Refresh Date", "User Principal Name", "Display Name", "Is Deleted",
            "Deleted Date", "Has Exchange License", "Has OneDrive License", "Has SharePoint License",
            "Has Skype For Business License", "Has Yammer License", "Has Teams License", "Exchange Last Activity Date",
            "OneDrive Last Activity Date", "SharePoint Last Activity Date", "Skype For Business Last Activity Date",
            "Yammer Last Activity Date", "Teams Last Activity Date", "Exchange License Assign Date",
            "OneDrive License Assign Date", "SharePoint License Assign Date", "Skype For Business License Assign Date",
            "Yammer License Assign Date", "Teams License Assign Date", "Assigned Products");

    @Override
    public String function() {
        return "getOffice365ActiveUserDetail";
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public boolean lists(UsageView v) {
        return v.entitlements().licensed();
    }

    @Override
    public boolean activeOn(DayActivity day) {
        return day.email() != null || day.oneDrive() != null || day.sharePoint() || day.skype() || day.yammer() || day.teams() != null;
    }

    @Override
    public void rows(ReportRow r, Consumer<List<String>> out) {
        Entitlements e = r.view.entitlements();
        out.accept(List.of(r.refreshDate(), r.userPrincipalName, r.displayName, r.isDeleted(), r.deletedDate(),
                tf(e.exchange()), tf(e.sharePoint()), tf(e.sharePoint()), tf(e.skype()), tf(e.yammer()), tf(e.teams()),
                e.exchange() ? r.last(d -> d.email() != null) : "",
                e.sharePoint() ? r.last(d -> d.oneDrive() != null) : "",
                e.sharePoint() ? r.last(DayActivity::sharePoint) : "",
                e.skype() ? r.last(DayActivity::skype) : "",
                e.yammer() ? r.last(DayActivity::yammer) : "",
                e.teams() ? r.last(d -> d.teams() != null) : "",
                r.assignDate(e.exchange()), r.assignDate(e.sharePoint()), r.assignDate(e.sharePoint()),
                r.assignDate(e.skype()), r.assignDate(e.yammer()), r.assignDate(e.teams()), r.assignedProducts()));
    }
}
