package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.UsageView;

import java.util.List;
import java.util.function.Consumer;

import static io.m365platform.graphsim.reports.ReportRow.n;

/** getEmailActivityUserDetail: send/receive/read and meeting counts of Exchange-licensed users. */
final class EmailActivityReport implements UserDetailReport {
    static final List<String> HEADER = List.of("Report Refresh Date", "User Principal Name", "Display Name", "Is Deleted",
            "Deleted Date", "Last Activity Date", "Send Count", "Receive Count", "Read Count", "Meeting Created Count",
            "Meeting Interacted Count", "Assigned Products", "Report Period");

    @Override
    public String function() {
        return "getEmailActivityUserDetail";
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public boolean lists(UsageView v) {
        return v.entitlements().exchange();
    }

    @Override
    public boolean activeOn(DayActivity day) {
        return day.email() != null;
    }

    @Override
    public void rows(ReportRow r, Consumer<List<String>> out) {
        WindowTotals t = r.totals();
        out.accept(List.of(r.refreshDate(), r.userPrincipalName, r.displayName, r.isDeleted(), r.deletedDate(),
                r.last(d -> d.email() != null), n(t.send), n(t.receive), n(t.read), n(t.meetingCreated),
                n(t.meetingInteracted), r.assignedProducts(), r.period()));
    }
}
