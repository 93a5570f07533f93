package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.usage.DayActivity;
import io.m365platform.graphsim.usage.UsageView;

import java.time.LocalDate;

/** One user's activity added up over a report window (only days that have data). */
final class WindowTotals {
    int apps;
    long send, receive, read, meetingCreated, meetingInteracted;
    long viewedOrEdited, synced, sharedInternally, sharedExternally;
    long teamChat, privateChat, calls, meetingsOrganized, meetingsAttended, adHocOrganized, adHocAttended,
            oneTimeOrganized, oneTimeAttended, recurringOrganized, recurringAttended, audio, video, screenShare,
            post, reply, urgent;
    boolean otherAction;

    static WindowTotals of(UsageView v, ReportWindow w) {
        WindowTotals t = new WindowTotals();
        if (!w.hasData() || !v.canBeActive()) {
            return t;
        }
        for (LocalDate d = w.from(); !d.isAfter(w.to()); d = d.plusDays(1)) {
            t.add(v.day(d));
        }
        return t;
    }

    private void add(DayActivity a) {
        if (a == DayActivity.NONE) {
            return;
        }
        apps |= a.apps();
        if (a.email() != null) {
            send += a.email().send();
            receive += a.email().receive();
            read += a.email().read();
            meetingCreated += a.email().meetingCreated();
            meetingInteracted += a.email().meetingInteracted();
        }
        if (a.oneDrive() != null) {
            viewedOrEdited += a.oneDrive().viewedOrEdited();
            synced += a.oneDrive().synced();
            sharedInternally += a.oneDrive().sharedInternally();
            sharedExternally += a.oneDrive().sharedExternally();
        }
        DayActivity.Teams m = a.teams();
        if (m != null) {
            teamChat += m.teamChatMessages();
            privateChat += m.privateChatMessages();
            calls += m.calls();
            meetingsOrganized += m.meetingsOrganized();
            meetingsAttended += m.meetingsAttended();
            adHocOrganized += m.adHocOrganized();
            adHocAttended += m.adHocAttended();
            oneTimeOrganized += m.scheduledOneTimeOrganized();
            oneTimeAttended += m.scheduledOneTimeAttended();
            recurringOrganized += m.scheduledRecurringOrganized();
            recurringAttended += m.scheduledRecurringAttended();
            audio += m.audioSeconds();
            video += m.videoSeconds();
            screenShare += m.screenShareSeconds();
            post += m.postMessages();
            reply += m.replyMessages();
            urgent += m.urgentMessages();
            otherAction |= m.otherAction();
        }
    }
}
