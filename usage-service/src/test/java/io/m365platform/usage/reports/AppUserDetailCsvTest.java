package io.m365platform.usage.reports;

import io.m365platform.contracts.usage.UsageApp;
import io.m365platform.contracts.usage.UsagePlatform;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppUserDetailCsvTest {

    private static final List<String> GRAPH_HEADER = graphHeader();

    @Test
    void readsGraphsColumnsByNameAfterABom() throws IOException {
        List<String> alice = row(GRAPH_HEADER, "2026-12-05", "alice@contoso.example.com", "2026-12-05",
                "Word (Windows)", "Teams (Mobile)", "Outlook (Web)");
        List<AppUsageRow> rows = read("\uFEFF" + csv(GRAPH_HEADER, List.of(alice)));

        assertEquals(1, rows.size());
        AppUsageRow r = rows.getFirst();
        assertEquals(LocalDate.parse("2026-12-05"), r.reportRefreshDate());
        assertEquals("alice@contoso.example.com", r.reportedUserName());
        assertEquals(LocalDate.parse("2026-12-05"), r.lastActivityDate());
        assertEquals(AppPlatformBits.bit(UsageApp.WORD, UsagePlatform.WINDOWS)
                | AppPlatformBits.bit(UsageApp.TEAMS, UsagePlatform.MOBILE)
                | AppPlatformBits.bit(UsageApp.OUTLOOK, UsagePlatform.WEB), r.apps());
    }

    @Test
    void columnsMayMoveAndNewOnesAppear() throws IOException {
        List<String> header = new ArrayList<>(GRAPH_HEADER);
        Collections.reverse(header);
        header.add(7, "Copilot (Web)");
        header.add("Some Future Column");
        List<String> bob = row(header, "2026-12-05", "FE7CC8C15246EDCCA289C9A4022762F7", "",
                "Excel (Mac)", "Copilot (Web)");
        List<AppUsageRow> rows = read(csv(header, List.of(bob)));

        assertEquals("FE7CC8C15246EDCCA289C9A4022762F7", rows.getFirst().reportedUserName());
        assertNull(rows.getFirst().lastActivityDate());
        assertEquals(AppPlatformBits.bit(UsageApp.EXCEL, UsagePlatform.MAC), rows.getFirst().apps());
    }

    @Test
    void aHeaderOnlyReportHasNoRows() throws IOException {
        assertTrue(read("\uFEFF" + String.join(",", GRAPH_HEADER) + "\r\n").isEmpty());
    }

    @Test
    void aMissingColumnIsAFormatErrorNamingIt() {
        List<String> header = new ArrayList<>(GRAPH_HEADER);
        header.remove("OneNote (Mac)");
        ReportFormatException e = assertThrows(ReportFormatException.class,
                () -> read(csv(header, List.of(row(header, "2026-12-05", "a@b.c", "", "Word (Web)")))));
        assertTrue(e.getMessage().contains("onenote (mac)"), e.getMessage());
    }

    @Test
    void aMalformedDateIsAFormatError() {
        assertThrows(ReportFormatException.class, () -> read(csv(GRAPH_HEADER,
                List.of(row(GRAPH_HEADER, "05/12/2026", "a@b.c", "", "Word (Web)")))));
    }

    @Test
    void quotedNamesWithCommasSurvive() throws IOException {
        List<String> r = row(GRAPH_HEADER, "2026-12-05", "o'brien,x@contoso.example.com", "", "Word (Web)");
        List<AppUsageRow> rows = read(csv(GRAPH_HEADER, List.of(r)));
        assertEquals("o'brien,x@contoso.example.com", rows.getFirst().reportedUserName());
    }

    static List<AppUsageRow> read(String text) throws IOException {
        List<AppUsageRow> rows = new ArrayList<>();
        int count = AppUserDetailCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rows::add);
        assertEquals(rows.size(), count);
        return rows;
    }

    /** The 39 columns of GRAPH_FACTS §5.3, in Graph's order. */
    static List<String> graphHeader() {
        List<String> h = new ArrayList<>(List.of("Report Refresh Date", "User Principal Name", "Last Activation Date",
                "Last Activity Date", "Report Period", "Windows", "Mac", "Mobile", "Web", "Outlook", "Word", "Excel",
                "PowerPoint", "OneNote", "Teams"));
        for (String platform : List.of("Windows", "Mac", "Mobile", "Web")) {
            for (String app : List.of("Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams")) {
                h.add(app + " (" + platform + ")");
            }
        }
        return h;
    }

    /** A row for {@code header}: the three text columns and Yes in the named columns, No elsewhere. */
    static List<String> row(List<String> header, String refresh, String upn, String lastActivity, String... yes) {
        List<String> yesColumns = List.of(yes);
        List<String> cells = new ArrayList<>();
        for (String column : header) {
            cells.add(switch (column) {
                case "Report Refresh Date" -> refresh;
                case "User Principal Name" -> upn;
                case "Last Activity Date" -> lastActivity;
                case "Report Period" -> "1";
                case "Last Activation Date" -> "";
                default -> yesColumns.contains(column) ? "Yes" : "No";
            });
        }
        return cells;
    }

    static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<String> row : rows) {
            b.append(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList()))
                    .append("\r\n");
        }
        return b.toString();
    }
}
