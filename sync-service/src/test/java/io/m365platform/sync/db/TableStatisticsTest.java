package io.m365platform.sync.db;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableStatisticsTest {

    /** Rows written (cumulative) by {@code connection} when each analysis was asked for, writing pages of 1,000. */
    private static List<Long> analysesWhileWriting(TableStatistics statistics, String connection, long rows) {
        List<Long> at = new ArrayList<>();
        for (long written = 1_000; written <= rows; written += 1_000) {
            if (statistics.wrote("users", connection, 1_000)) {
                at.add(written);
            }
        }
        return at;
    }

    @Test
    void aGrowingTableIsAnalysedAFewTimesPerOrderOfMagnitude() {
        assertEquals(List.of(2_000L, 6_000L, 18_000L, 54_000L),
                analysesWhileWriting(new TableStatistics(), "a", 100_000));
    }

    @Test
    void aNewConnectionInAFullTableIsAnalysedAsItGrowsNotWhenTheTableDoubles() {
        TableStatistics statistics = new TableStatistics();
        analysesWhileWriting(statistics, "a", 100_000);
        // Per table only, the next analysis would wait for 160,000 more rows, while every look-up of b's rows was
        // planned for "1 row".
        assertEquals(List.of(2_000L, 6_000L, 18_000L, 54_000L), analysesWhileWriting(statistics, "b", 100_000));
    }

    @Test
    void anAnalysisCountsForEveryConnectionsRowsSoFar() {
        TableStatistics statistics = new TableStatistics();
        statistics.wrote("users", "a", 1_500);
        assertEquals(true, statistics.wrote("users", "b", 2_000), "b's first 2,000 rows");
        // a's 1,500 were covered by that analysis: a's next one comes at twice that, not at its own 2,000
        assertEquals(false, statistics.wrote("users", "a", 2_999));
        assertEquals(true, statistics.wrote("users", "a", 1));
        assertEquals(false, statistics.wrote("groups", "a", 1_999), "tables are counted apart");
    }
}
