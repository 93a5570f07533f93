package io.m365platform.graphsim.usage;

/**
 * What one user did on one day: which apps on which platforms ({@link #apps()}, one bit per pair, see
 * {@link Platform#bit}), and the per-workload counts the activity reports add up. A null workload part means
 * no activity in that workload that day.
 */
public record DayActivity(int apps, Email email, OneDrive oneDrive, Teams teams, boolean sharePoint, boolean skype,
                          boolean yammer) {

    public static final DayActivity NONE = new DayActivity(0, null, null, null, false, false, false);

    public record Email(int send, int receive, int read, int meetingCreated, int meetingInteracted) {
        public Email {
            requireNonNegative(send, receive, read, meetingCreated, meetingInteracted);
        }
    }

    public record OneDrive(int viewedOrEdited, int synced, int sharedInternally, int sharedExternally) {
        public OneDrive {
            requireNonNegative(viewedOrEdited, synced, sharedInternally, sharedExternally);
        }
    }

    /**
     * Teams activity. Meetings organized/attended include the ad hoc, one-time and recurring ones (and may exceed
     * their sum, like Graph's report: unclassified meetings are counted only in the totals).
     */
    public record Teams(int teamChatMessages, int privateChatMessages, int calls, int meetingsOrganized,
                        int meetingsAttended, int adHocOrganized, int adHocAttended, int scheduledOneTimeOrganized,
                        int scheduledOneTimeAttended, int scheduledRecurringOrganized, int scheduledRecurringAttended,
                        int audioSeconds, int videoSeconds, int screenShareSeconds, int postMessages, int replyMessages,
                        int urgentMessages, boolean otherAction) {
        public Teams {
            requireNonNegative(teamChatMessages, privateChatMessages, calls, meetingsOrganized, meetingsAttended,
                    adHocOrganized, adHocAttended, scheduledOneTimeOrganized, scheduledOneTimeAttended,
                    scheduledRecurringOrganized, scheduledRecurringAttended, audioSeconds, videoSeconds,
                    screenShareSeconds, postMessages, replyMessages, urgentMessages);
            if (adHocOrganized + scheduledOneTimeOrganized + scheduledRecurringOrganized > meetingsOrganized) {
                throw new IllegalArgumentException("meetingsOrganized must be at least the sum of its ad hoc, one-time and recurring parts");
            }
            if (adHocAttended + scheduledOneTimeAttended + scheduledRecurringAttended > meetingsAttended) {
                throw new IllegalArgumentException("meetingsAttended must be at least the sum of its ad hoc, one-time and recurring parts");
            }
        }

        public int meetings() {
            return meetingsOrganized + meetingsAttended;
        }
    }

    private static void requireNonNegative(int... values) {
        for (int v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("Activity counts must not be negative");
            }
        }
    }

    public boolean uses(OfficeApp app, Platform platform) {
        return (apps & Platform.bit(app, platform)) != 0;
    }

    public boolean anyApp() {
        return apps != 0;
    }

    public boolean any() {
        return apps != 0 || email != null || oneDrive != null || teams != null || sharePoint || skype || yammer;
    }

    /** This activity with everything the entitlements do not allow removed. */
    public DayActivity within(Entitlements e) {
        if (this == NONE) {
            return this;
        }
        DayActivity d = new DayActivity(apps & e.allowedApps(), e.exchange() ? email : null, e.sharePoint() ? oneDrive : null,
                e.teams() ? teams : null, sharePoint && e.sharePoint(), skype && e.skype(), yammer && e.yammer());
        return d.any() ? d : NONE;
    }
}
