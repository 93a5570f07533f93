package io.m365platform.graphsim.usage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The generator of usage data: a pure function of (tenant seed, user id, day), so 35+ days (in fact any day) of
 * per-user, per-app, per-platform activity exist for any tenant size without being stored, and the same tenant
 * always shows the same history. Licences are applied afterwards ({@link DayActivity#within}); the draws do not
 * depend on them, so a licence change only hides or reveals activity, it never reshuffles it.
 */
public final class UsageModel {
    private UsageModel() {
    }

    /** Typical use of each (app, platform) pair by a user who has the device: [app][platform]. */
    private static final double[][] AFFINITY = {
            {0.85, 0.85, 0.70, 0.30},   // Outlook
            {0.70, 0.70, 0.15, 0.35},   // Word
            {0.60, 0.60, 0.10, 0.30},   // Excel
            {0.45, 0.45, 0.10, 0.25},   // PowerPoint
            {0.25, 0.25, 0.10, 0.10},   // OneNote
            {0.90, 0.90, 0.60, 0.15}};  // Teams

    /** A 64-bit key of a user id (case-insensitive). */
    public static long userKey(String userId) {
        long h = 0xcbf29ce484222325L;
        String s = userId.toLowerCase(Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The user's habits; {@code anchor} is the day the tenant's usage was generated, {@code created} the account's day. */
    public static UsageProfile profile(long seed, long userKey, LocalDate anchor, LocalDate created) {
        SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L ^ userKey));
        double x = r.nextDouble();
        Persona persona = x < 0.20 ? Persona.HEAVY : x < 0.70 ? Persona.REGULAR : x < 0.85 ? Persona.LIGHT
                : x < 0.95 ? Persona.DORMANT : Persona.NONE;
        LocalDate dormantSince = anchor.minusDays(35 + r.nextInt(91));
        int windows = r.nextDouble() < 0.75 ? 1 + r.nextInt(2) : 0;
        int mac = r.nextDouble() < (windows == 0 ? 0.6 : 0.1) ? 1 : 0;
        int ios = r.nextDouble() < 0.45 ? 1 : 0;
        int android = r.nextDouble() < 0.25 ? 1 : 0;
        boolean shared = r.nextDouble() < 0.05;
        int affinity = 0;
        for (OfficeApp app : OfficeApp.values()) {
            for (Platform p : Platform.values()) {
                boolean device = switch (p) {
                    case WINDOWS -> windows > 0;
                    case MAC -> mac > 0;
                    case MOBILE -> ios + android > 0;
                    case WEB -> true;
                };
                if (r.nextDouble() < AFFINITY[app.ordinal()][p.ordinal()] && device) {
                    affinity |= Platform.bit(app, p);
                }
            }
        }
        LocalDate start = created != null ? created : anchor.minusDays(400);
        LocalDate lastActivated = start.plusDays(r.nextInt(30) + r.nextInt(300));
        if (lastActivated.isAfter(anchor)) {
            lastActivated = anchor.minusDays(1 + r.nextInt(20));
        }
        if (lastActivated.isBefore(start)) {
            lastActivated = start;
        }
        return new UsageProfile(persona, dormantSince, affinity, windows, mac, ios, android, shared, lastActivated);
    }

    /** One day of activity before licences are applied. */
    public static DayActivity generate(long seed, long userKey, UsageProfile p, LocalDate day) {
        if (p.persona() == Persona.NONE || (p.persona() == Persona.DORMANT && !day.isBefore(p.dormantSince()))) {
            return DayActivity.NONE;
        }
        SplittableRandom r = new SplittableRandom(mix(seed ^ userKey * 0xC2B2AE3D27D4EB4FL ^ day.toEpochDay() * 0x165667B19E3779F9L));
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (r.nextDouble() >= p.persona().activeDayProbability() * (weekend ? 0.15 : 1.0)) {
            return DayActivity.NONE;
        }
        boolean heavy = p.persona() == Persona.HEAVY;
        int apps = 0;
        int candidates = 0;
        for (int bit = 0; bit < 24; bit++) {
            if ((p.affinity() & (1 << bit)) != 0) {
                candidates++;
                if (r.nextDouble() < p.persona().appUseProbability()) {
                    apps |= 1 << bit;
                }
            }
        }
        if (apps == 0 && candidates > 0) {
            int pick = r.nextInt(candidates);
            for (int bit = 0; bit < 24; bit++) {
                if ((p.affinity() & (1 << bit)) != 0 && pick-- == 0) {
                    apps = 1 << bit;
                }
            }
        }
        int receive = 5 + r.nextInt(heavy ? 80 : 35);
        DayActivity.Email email = new DayActivity.Email(r.nextInt(heavy ? 25 : 8), receive,
                Math.max(1, receive * (50 + r.nextInt(51)) / 100), r.nextInt(10) < (heavy ? 4 : 2) ? 1 : 0, r.nextInt(4));
        DayActivity.OneDrive oneDrive = null;
        if (r.nextDouble() < 0.55) {
            oneDrive = new DayActivity.OneDrive(1 + r.nextInt(heavy ? 20 : 8),
                    p.windowsDevices() + p.macDevices() > 0 ? r.nextInt(15) : 0,
                    r.nextDouble() < 0.3 ? 1 + r.nextInt(3) : 0, r.nextDouble() < 0.05 ? 1 : 0);
        }
        DayActivity.Teams teams = null;
        int teamsBits = 0;
        for (Platform pl : Platform.values()) {
            teamsBits |= Platform.bit(OfficeApp.TEAMS, pl);
        }
        if ((apps & teamsBits) != 0) {
            teams = teams(r, heavy);
        }
        boolean sharePoint = r.nextDouble() < 0.4;
        boolean skype = r.nextDouble() < 0.1;
        boolean yammer = r.nextDouble() < 0.05;
        return new DayActivity(apps, email, oneDrive, teams, sharePoint, skype, yammer);
    }

    private static DayActivity.Teams teams(SplittableRandom r, boolean heavy) {
        int teamChat = r.nextInt(heavy ? 25 : 10);
        int privateChat = 1 + r.nextInt(heavy ? 40 : 15);
        int calls = r.nextInt(4);
        int organized = r.nextInt(10) < 3 ? 1 + r.nextInt(2) : 0;
        int attended = r.nextInt(heavy ? 5 : 3);
        int[] org = classify(r, organized);
        int[] att = classify(r, attended);
        int audio = (organized + attended) * (900 + r.nextInt(2700)) + calls * (60 + r.nextInt(900));
        int video = audio * r.nextInt(60) / 100;
        int screen = audio * r.nextInt(30) / 100;
        int post = teamChat > 0 ? r.nextInt(teamChat + 1) : 0;
        int urgent = privateChat > 0 && r.nextInt(50) == 0 ? 1 : 0;
        return new DayActivity.Teams(teamChat, privateChat, calls, organized, attended, org[0], att[0], org[1], att[1],
                org[2], att[2], audio, video, screen, post, teamChat - post, urgent, r.nextDouble() < 0.3);
    }

    /** Splits meetings into ad hoc / scheduled one-time / scheduled recurring; some stay unclassified (as in Graph). */
    private static int[] classify(SplittableRandom r, int meetings) {
        int[] parts = new int[3];
        for (int i = 0; i < meetings; i++) {
            int k = r.nextInt(10);
            if (k < 9) {
                parts[k / 3]++;
            }
        }
        return parts;
    }
}
