package io.m365platform.graphsim.outlook;

import io.m365platform.graphsim.http.GraphException;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Time zones as Exchange accepts them: Windows names ("Pacific Standard Time", "W. Europe Standard Time", "UTC")
 * or IANA ids ("Europe/Berlin"); and Graph's dateTimeTimeZone.dateTime text ("2026-03-20T18:00:00.0000000").
 */
public final class TimeZones {
    private TimeZones() {
    }

    /** The Windows time zones the simulator knows, with their IANA equivalent. */
    static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("UTC", "UTC"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("Alaskan Standard Time", "America/Anchorage"),
            Map.entry("Hawaiian Standard Time", "Pacific/Honolulu"),
            Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
            Map.entry("India Standard Time", "Asia/Kolkata"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("Singapore Standard Time", "Asia/Singapore"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
            Map.entry("South Africa Standard Time", "Africa/Johannesburg"));

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS", Locale.ROOT);

    /** The zone of a name, or a 400 InvalidTimeZone with Exchange's message. */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            throw invalid(name == null ? "" : name);
        }
        for (Map.Entry<String, String> e : WINDOWS.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name.trim())) {
                return ZoneId.of(e.getValue());
            }
        }
        if (name.contains("/")) {
            try {
                return ZoneId.of(name.trim());
            } catch (DateTimeException ignored) {
                // fall through
            }
        }
        throw invalid(name);
    }

    private static GraphException invalid(String name) {
        return new GraphException(400, "InvalidTimeZone", "A valid TimeZone value must be specified. The following TimeZone value is not supported: '"
                + name + "'.");
    }

    /** Parses Graph's local date-time text (fractions of a second optional). */
    public static LocalDateTime dateTime(String text, String property) {
        try {
            return LocalDateTime.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new GraphException(400, "RequestBodyRead", "Cannot convert the literal '" + text + "' to the expected type 'Edm.String' "
                    + "holding a date and time (yyyy-MM-ddTHH:mm:ss) for property '" + property + "'.");
        }
    }

    /** Graph's rendering of a local date-time: seven fractional digits. */
    public static String format(LocalDateTime t) {
        return OUT.format(t);
    }

    /** A Windows zone name for a country (generated mailboxes). */
    public static String forCountry(String country) {
        if (country == null) {
            return "UTC";
        }
        return switch (country) {
            case "United States" -> "Pacific Standard Time";
            case "Germany", "Sweden", "Norway" -> "W. Europe Standard Time";
            case "France", "Spain" -> "Romance Standard Time";
            case "United Kingdom", "Iceland" -> "GMT Standard Time";
            case "Poland" -> "Central European Standard Time";
            case "Japan" -> "Tokyo Standard Time";
            case "India" -> "India Standard Time";
            case "Brazil" -> "E. South America Standard Time";
            default -> "UTC";
        };
    }
}
