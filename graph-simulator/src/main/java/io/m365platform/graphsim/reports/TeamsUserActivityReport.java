package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.UsageView;

import java.util.List;
import java.util.function.Consumer;

import static io.m365platform.graphsim.reports.ReportRow.duration;
import static io.m365platform.graphsim.reports.ReportRow.n;
import static io.m365platform.graphsim.reports.ReportRow.yn;

/** getTeamsUserActivityUserDetail (2024 column set, 33 columns): chats, calls, meetings and their durations. */
final class TeamsUserActivityReport implements UserDetailReport {
    static final List<String> HEADER = List.of("Report Refresh Date", "Tenant Display Name",
            "Shared Channel Tenant Display Names", "User Id", "User Principal Name", "Last Activity Date", "Is Deleted",
            "Deleted Date", "Assigned Products", "Team Chat Message Count", "Private Chat Message Count", "Call Count",
            "Meeting Count", "Post Messages", "Reply Messages", "Urgent Messages", "Meetings Organized Count",
            "Meetings Attended Count", "Ad Hoc Meetings Organized Count", "Ad Hoc Meetings Attended Count",
            "Scheduled One-time Meetings Organized Count", "Scheduled One-time Meetings Attended Count",
            "Scheduled Recurring Meetings Organized Count", "Scheduled Recurring Meetings Attended Count",
            "Audio Duration", "Video Duration", "Screen Share Duration", "Audio Duration In Seconds",
            "Video Duration In Seconds", "Screen Share Duration In Seconds", "Has Other Action", "Is Licensed",
            "Report Period");

    @Override
    public String function() {
        return "getTeamsUserActivityUserDetail";
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public boolean lists(UsageView v) {
        return v.entitlements().teams();
    }

    @Override
    public boolean activeOn(DayActivity day) {
        return day.teams() != null;
    }

    @Override
    public void rows(ReportRow r, Consumer<List<String>> out) {
        WindowTotals t = r.totals();
        out.accept(List.of(r.refreshDate(), r.tenantDisplayName, "", r.userId, r.userPrincipalName,
                r.last(d -> d.teams() != null), r.isDeleted(), r.deletedDate(), r.assignedProducts(),
                n(t.teamChat), n(t.privateChat), n(t.calls), n(t.meetingsOrganized + t.meetingsAttended), n(t.post),
                n(t.reply), n(t.urgent), n(t.meetingsOrganized), n(t.meetingsAttended), n(t.adHocOrganized),
                n(t.adHocAttended), n(t.oneTimeOrganized), n(t.oneTimeAttended), n(t.recurringOrganized),
                n(t.recurringAttended), duration(t.audio), duration(t.video), duration(t.screenShare), n(t.audio),
                n(t.video), n(t.screenShare), yn(t.otherAction), yn(r.view.entitlements().teams()), r.period()));
    }
}
