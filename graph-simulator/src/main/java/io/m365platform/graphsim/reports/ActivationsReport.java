package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.UsageProfile;
import io.m365platform.graphsim.usage.UsageView;

import java.util.List;
import java.util.function.Consumer;

import static io.m365platform.graphsim.reports.ReportRow.n;
import static io.m365platform.graphsim.reports.ReportRow.tf;

/**
 * getOffice365ActivationsUserDetail (no parameters): one row per user and activated product (Microsoft 365 Apps),
 * with activation counts per platform from the user's devices.
 */
final class ActivationsReport implements UserDetailReport {
    static final String PRODUCT_TYPE = "MICROSOFT 365 APPS FOR ENTERPRISE";
    static final List<String> HEADER = List.of("Report Refresh Date", "User Principal Name", "Display Name", "Product Type",
            "Last Activated Date", "Windows", "Mac", "Windows 10 Mobile", "iOS", "Android", "Activated On Shared Computer");

    @Override
    public String function() {
        return "getOffice365ActivationsUserDetail";
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public boolean lists(UsageView v) {
        return v.entitlements().officeApps() && v.user().accountEnabled();
    }

    @Override
    public boolean activeOn(DayActivity day) {
        return false;
    }

    @Override
    public boolean hasWindow() {
        return false;
    }

    @Override
    public boolean listsDeletedUsers() {
        return false;
    }

    @Override
    public void rows(ReportRow r, Consumer<List<String>> out) {
        UsageProfile p = r.view.profile();
        out.accept(List.of(r.refreshDate(), r.userPrincipalName, r.displayName, PRODUCT_TYPE,
                AppUserDetailReport.lastActivation(r), n(p.windowsDevices()), n(p.macDevices()), "0", n(p.iosDevices()),
                n(p.androidDevices()), tf(p.sharedComputer())));
    }
}
