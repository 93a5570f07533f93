package io.m365platform.connection.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportHeaderTest {

    @Test
    void readsFieldsPastTheBomAndQuotes() {
        assertEquals(List.of("Report Refresh Date", "User Principal Name", "Display Name"),
                ReportHeader.fields("\uFEFFReport Refresh Date,User Principal Name,Display Name"));
        assertEquals(List.of("2026-02-27", "a@b.com", "Doe, \"JD\" John", ""),
                ReportHeader.fields("2026-02-27,a@b.com,\"Doe, \"\"JD\"\" John\",\r"));
    }

    @Test
    void recognisesConcealedNames() {
        assertTrue(ReportHeader.looksConcealed("FE7CC8C15246EDCCA289C9A4022762F7"));
        assertFalse(ReportHeader.looksConcealed("adele.vance@contoso.onmicrosoft.com"));
        assertFalse(ReportHeader.looksConcealed("fe7cc8c15246edcca289c9a4022762f7"), "Graph's hashes are upper case");
        assertFalse(ReportHeader.looksConcealed(""));
    }
}
