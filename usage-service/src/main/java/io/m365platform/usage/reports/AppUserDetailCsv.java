package io.m365platform.usage.reports;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a getM365AppUserDetail CSV by header name (Jackson's CSV module, one row at a time, so memory is bounded by
 * a row, not by the tenant). The columns it needs are found by name wherever they are; columns it does not know are
 * skipped, so Microsoft adding or reordering columns does not break ingestion. The body may start with a UTF-8 BOM.
 * A cell counts as used when it says {@code Yes} or {@code True} (GRAPH_FACTS §5.2/5.3).
 */
public final class AppUserDetailCsv {

    static final String REFRESH_DATE = "Report Refresh Date";
    static final String USER_PRINCIPAL_NAME = "User Principal Name";
    static final String LAST_ACTIVITY_DATE = "Last Activity Date";

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private AppUserDetailCsv() {
    }

    /**
     * Streams the rows of {@code body} to {@code rows}; returns how many there were.
     *
     * @throws ReportFormatException the header lacks a column this service needs, or a date is malformed
     */
    public static int read(InputStream body, Consumer<AppUsageRow> rows) throws IOException {
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
        try (CsvParser parser = (CsvParser) FACTORY.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ReportFormatException("the report is empty (no header line)");
            }
            Columns columns = Columns.of(header(parser));
            DateCache dates = new DateCache();
            int count = 0;
            String[] text = new String[3];
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                int apps = 0;
                text[0] = text[1] = text[2] = null;
                int index = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY && t != null; t = parser.nextToken()) {
                    if (index < columns.bitOf.length) {
                        int bit = columns.bitOf[index];
                        if (bit >= 0) {
                            if (bit < Columns.TEXT_BASE && saysYes(parser)) {
                                apps |= 1 << bit;
                            } else if (bit >= Columns.TEXT_BASE) {
                                text[bit - Columns.TEXT_BASE] = parser.getText();
                            }
                        }
                    }
                    index++;
                }
                String name = text[1];
                if (name == null || name.isEmpty()) {
                    throw new ReportFormatException("row " + (count + 2) + " has no " + USER_PRINCIPAL_NAME);
                }
                rows.accept(new AppUsageRow(dates.parse(text[0], REFRESH_DATE), name,
                        dates.parse(text[2], LAST_ACTIVITY_DATE), apps));
                count++;
            }
            return count;
        }
    }

    private static List<String> header(CsvParser parser) throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY && t != null; t = parser.nextToken()) {
            String name = parser.getText();
            if (names.isEmpty() && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
                name = name.substring(1);   // the BOM, when the reader did not drop it
            }
            names.add(name.trim());
        }
        return names;
    }

    private static boolean saysYes(CsvParser parser) throws IOException {
        if (parser.getTextLength() == 0) {
            return false;
        }
        char c = parser.getTextCharacters()[parser.getTextOffset()];
        return c == 'Y' || c == 'y' || c == 'T' || c == 't';
    }

    /** Where each needed column is: an (app, platform) bit, or one of the three text columns. */
    private static final class Columns {
        static final int TEXT_BASE = 1000;
        final int[] bitOf;

        private Columns(int[] bitOf) {
            this.bitOf = bitOf;
        }

        static Columns of(List<String> header) {
            Map<String, Integer> wanted = new HashMap<>();
            for (int a = 0; a < AppPlatformBits.APP_COLUMNS.size(); a++) {
                for (int p = 0; p < AppPlatformBits.PLATFORM_COLUMNS.size(); p++) {
                    wanted.put(key(AppPlatformBits.APP_COLUMNS.get(a) + " (" + AppPlatformBits.PLATFORM_COLUMNS.get(p)
                            + ")"), a * 4 + p);
                }
            }
            wanted.put(key(REFRESH_DATE), TEXT_BASE);
            wanted.put(key(USER_PRINCIPAL_NAME), TEXT_BASE + 1);
            wanted.put(key(LAST_ACTIVITY_DATE), TEXT_BASE + 2);
            int[] bitOf = new int[header.size()];
            Map<Integer, String> found = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                Integer bit = wanted.get(key(header.get(i)));
                bitOf[i] = bit == null ? -1 : bit;
                if (bit != null) {
                    found.put(bit, header.get(i));
                }
            }
            List<String> missing = new ArrayList<>();
            wanted.forEach((name, bit) -> {
                if (!found.containsKey(bit) && bit != TEXT_BASE + 2) {
                    missing.add(name);
                }
            });
            if (!missing.isEmpty()) {
                throw new ReportFormatException("the report lacks the columns " + missing.stream().sorted().toList()
                        + " (header: " + header + ")");
            }
            return new Columns(bitOf);
        }

        private static String key(String column) {
            return column.toLowerCase(Locale.ROOT);
        }
    }

    /** Report dates repeat on every row: parse each distinct text once. */
    private static final class DateCache {
        private final Map<String, LocalDate> parsed = new HashMap<>();

        LocalDate parse(String text, String column) {
            if (text == null || text.isEmpty()) {
                return null;
            }
            LocalDate date = parsed.get(text);
            if (date == null) {
                try {
                    date = LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new ReportFormatException(column + " '" + text + "' is not a yyyy-MM-dd date", e);
                }
                if (parsed.size() < 1024) {
                    parsed.put(text, date);
                }
            }
            return date;
        }
    }
}
