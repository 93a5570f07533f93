package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.http.GraphException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers. Data is as of a refresh date two days behind the clock (GRAPH_FACTS §5.5):
 * {@code period='Dn'} covers the n days ending on the refresh date; {@code date=YYYY-MM-DD} covers that one day
 * (only the last 28 days: older dates are refused with Graph's 400 {@code InvalidArgument} "Only support data for the
 * past 28 days.", GRAPH_FACTS §10.1) and lists only users active on it. The lag is two days unless a tenant's is set
 * ({@link ReportsModule#latency}): Graph's is "within 48 hours", often more.
 *
 * @param asOf        the "Report Refresh Date" printed in every row
 * @param from        first day included
 * @param to          last day included
 * @param periodDays  the "Report Period" column (1 for the date form)
 * @param dateForm    whether the request used {@code date=}
 * @param dataEnd     the refresh date: a {@code date=} after it has no data yet (header only)
 */
public record ReportWindow(LocalDate asOf, LocalDate from, LocalDate to, int periodDays, boolean dateForm, LocalDate dataEnd) {
    /** How far the refresh date lags behind the clock. */
    public static final int LATENCY_DAYS = 2;
    /** How far back the date form reaches (the reference pages say 30; the service refuses older than 28). */
    public static final int DATE_FORM_DAYS = 28;

    private static final Pattern PERIOD = Pattern.compile("\\s*period\\s*=\\s*'([^']*)'\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("\\s*date\\s*=\\s*('?)([^']*)\\1\\s*", Pattern.CASE_INSENSITIVE);

    public static LocalDate refreshDate(Instant now) {
        return refreshDate(now, LATENCY_DAYS);
    }

    public static LocalDate refreshDate(Instant now, int latencyDays) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(latencyDays);
    }

    /** Whether the covered days have data yet (a {@code date=} of yesterday or today has none). */
    public boolean hasData() {
        return !to.isAfter(dataEnd);
    }

    /** The window of a report without parameters (activations): as of the refresh date. */
    public static ReportWindow current(Instant now) {
        return current(now, LATENCY_DAYS);
    }

    public static ReportWindow current(Instant now, int latencyDays) {
        LocalDate r = refreshDate(now, latencyDays);
        return new ReportWindow(r, r, r, 0, false, r);
    }

    /**
     * Parses the function arguments, e.g. {@code period='D7'} or {@code date=2024-05-01} (the path arrives decoded,
     * so {@code %27} is already a quote). Anything else is a 400 with Graph's error JSON.
     */
    public static ReportWindow parse(String function, String args, Instant now) {
        return parse(function, args, now, LATENCY_DAYS);
    }

    public static ReportWindow parse(String function, String args, Instant now, int latencyDays) {
        LocalDate refresh = refreshDate(now, latencyDays);
        Matcher p = PERIOD.matcher(args);
        if (p.matches()) {
            int days = switch (p.group(1)) {
                case "D7" -> 7;
                case "D30" -> 30;
                case "D90" -> 90;
                case "D180" -> 180;
                default -> throw new GraphException(400, "BadRequest", "Invalid value '" + p.group(1)
                        + "' for parameter 'period' of function '" + function + "'. Supported values are D7, D30, D90 and D180.");
            };
            return new ReportWindow(refresh, refresh.minusDays(days - 1L), refresh, days, false, refresh);
        }
        Matcher d = DATE.matcher(args);
        if (d.matches()) {
            LocalDate date;
            try {
                date = LocalDate.parse(d.group(2).trim());
            } catch (DateTimeParseException e) {
                throw new GraphException(400, "BadRequest", "Invalid value '" + d.group(2) + "' for parameter 'date' of function '"
                        + function + "'. Use the format YYYY-MM-DD.");
            }
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (date.isBefore(today.minusDays(DATE_FORM_DAYS))) {
                throw new GraphException(400, "InvalidArgument", "Only support data for the past " + DATE_FORM_DAYS + " days.");
            }
            if (date.isAfter(today)) {
                throw new GraphException(400, "BadRequest", "Invalid value '" + date + "' for parameter 'date' of function '"
                        + function + "'. The date is in the future.");
            }
            return new ReportWindow(date, date, date, 1, true, refresh);
        }
        throw new GraphException(400, "BadRequest", "Function '" + function
                + "' takes exactly one parameter: period='D7'|'D30'|'D90'|'D180' or date=YYYY-MM-DD (got '" + args + "').");
    }
}
