package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.OfficeApp;
import io.m365platform.graphsim.usage.Platform;
import io.m365platform.graphsim.usage.UsageView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.m365platform.graphsim.reports.ReportRow.yn;

/**
 * getM365AppUserDetail: which of the six apps a user used on which of the four platforms in the window
 * (Yes/No), plus last activation and last activity dates. Also served as JSON ({@link AppUserDetailJson}).
 */
final class AppUserDetailReport implements UserDetailReport {
    static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("Report Refresh Date", "User Principal Name", "Last Activation Date",
                "Last Activity Date", "Report Period"));
        for (Platform p : Platform.values()) {
            h.add(p.column());
        }
        for (OfficeApp a : OfficeApp.values()) {
            h.add(a.column());
        }
        for (Platform p : Platform.values()) {
            for (OfficeApp a : OfficeApp.values()) {
                h.add(a.column() + " (" + p.column() + ")");
            }
        }
        HEADER = List.copyOf(h);
    }

    @Override
    public String function() {
        return "getM365AppUserDetail";
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public boolean lists(UsageView v) {
        return v.entitlements().anyApp();
    }

    @Override
    public boolean activeOn(DayActivity day) {
        return day.anyApp();
    }

    @Override
    public boolean listsDeletedUsers() {
        return false;
    }

    static boolean usedOn(int apps, Platform p) {
        for (OfficeApp a : OfficeApp.values()) {
            if ((apps & Platform.bit(a, p)) != 0) {
                return true;
            }
        }
        return false;
    }

    static boolean used(int apps, OfficeApp a) {
        for (Platform p : Platform.values()) {
            if ((apps & Platform.bit(a, p)) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The last Microsoft 365 Apps activation known as of the report's data ("" when none yet). */
    static String lastActivation(ReportRow r) {
        java.time.LocalDate d = r.view.profile().lastActivated();
        if (!r.view.entitlements().officeApps() || d == null || d.isAfter(r.window.dataEnd())) {
            return "";
        }
        return ReportRow.date(d);
    }

    @Override
    public void rows(ReportRow r, Consumer<List<String>> out) {
        int apps = r.totals().apps;
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(r.refreshDate());
        row.add(r.userPrincipalName);
        row.add(lastActivation(r));
        row.add(r.last(DayActivity::anyApp));
        row.add(r.period());
        for (Platform p : Platform.values()) {
            row.add(yn(usedOn(apps, p)));
        }
        for (OfficeApp a : OfficeApp.values()) {
            row.add(yn(used(apps, a)));
        }
        for (Platform p : Platform.values()) {
            for (OfficeApp a : OfficeApp.values()) {
                row.add(yn((apps & Platform.bit(a, p)) != 0));
            }
        }
        out.accept(row);
    }
}
