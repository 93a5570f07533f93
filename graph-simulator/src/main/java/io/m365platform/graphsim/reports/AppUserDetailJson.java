package io.m365platform.graphsim.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.OfficeApp;
import io.m365platform.graphsim.usage.Platform;

import java.io.IOException;

/**
 * The JSON form of getM365AppUserDetail ({@code $format=application/json}, GRAPH_FACTS §5.4): one object per user
 * with a {@code details} array holding the period's booleans per platform, app and app×platform.
 */
final class AppUserDetailJson {
    private AppUserDetailJson() {
    }

    static void write(JsonGenerator g, ReportRow r) throws IOException {
        int apps = r.totals().apps;
        g.writeStartObject();
        g.writeStringField("reportRefreshDate", r.refreshDate());
        g.writeStringField("userPrincipalName", r.userPrincipalName);
        String activation = AppUserDetailReport.lastActivation(r);
        g.writeStringField("lastActivationDate", activation.isEmpty() ? null : activation);
        String activity = r.last(DayActivity::anyApp);
        g.writeStringField("lastActivityDate", activity.isEmpty() ? null : activity);
        g.writeArrayFieldStart("details");
        g.writeStartObject();
        g.writeNumberField("reportPeriod", r.window.periodDays());
        for (Platform p : Platform.values()) {
            g.writeBooleanField(p.jsonName(), AppUserDetailReport.usedOn(apps, p));
        }
        for (OfficeApp a : OfficeApp.values()) {
            g.writeBooleanField(a.jsonName(), AppUserDetailReport.used(apps, a));
        }
        for (Platform p : Platform.values()) {
            for (OfficeApp a : OfficeApp.values()) {
                g.writeBooleanField(a.jsonName() + p.column(), (apps & Platform.bit(a, p)) != 0);
            }
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }
}
