package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.usage.UsageState;
import io.m365platform.graphsim.usage.UsageView;

import java.util.ArrayList;
import java.util.List;

/** Picks a report's users and renders its rows; the tenant's lock is held only while the users are captured. */
final class ReportRenderer {
    private ReportRenderer() {
    }

    /** The users a report lists, in directory order, as rows (names already concealed or not). */
    static List<ReportRow> rows(Tenant t, UserDetailReport report, ReportWindow w, boolean conceal) {
        record Captured(List<UsageView> views, String tenantName) {
        }
        UsageState state = UsageState.of(t);
        Captured c = t.read(() -> new Captured(state.views(t, report.listsDeletedUsers() ? w.from() : null),
                t.organization().displayName()));
        List<ReportRow> result = new ArrayList<>();
        if (w.dateForm() && !w.hasData()) {
            return result;
        }
        for (UsageView v : c.views()) {
            boolean listed = w.dateForm() ? report.activeOn(v.day(w.from())) : report.lists(v);
            v.releaseCache();
            if (listed) {
                result.add(new ReportRow(v, w, conceal, t.id(), c.tenantName()));
            }
        }
        return result;
    }

    static byte[] csv(Tenant t, UserDetailReport report, ReportWindow w, boolean conceal) {
        Csv csv = new Csv(report.header());
        for (ReportRow row : rows(t, report, w, conceal)) {
            report.rows(row, csv::row);
            row.view.releaseCache();
        }
        return csv.toBytes();
    }
}
