package io.m365platform.connection.check;

import io.m365platform.connection.capability.ProbeOutcome;
import io.m365platform.graph.error.GraphException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.request.GraphResponseStream;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads the first rows of the product's usage report (following Graph's 302 to the download) to learn whether
 * the connection may read reports at all, and whether user names come out concealed. One call per test: reports
 * are throttled at 14 requests per report per 10 minutes, which usage-service needs more than we do.
 */
final class UsageReportProbe {

    private static final Logger LOG = Logger.getLogger(UsageReportProbe.class);
    static final String NAME = "usage-report";

    private UsageReportProbe() {
    }

    /** The outcome and, when the probe failed, what went wrong. */
    record Result(ProbeOutcome outcome, String problem) {
    }

    static Result run(GraphAccess graph, String reportFunction) {
        String path = "/reports/" + reportFunction + "(period='D7')";
        try (GraphResponseStream csv = graph.requests().stream(path, Map.of("Accept", "text/csv, application/octet-stream"));
             BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = lines.readLine();
            if (header == null) {
                return new Result(ProbeOutcome.ACCESSIBLE, null);
            }
            int upn = ReportHeader.fields(header).indexOf("User Principal Name");
            String row = lines.readLine();
            if (upn < 0 || row == null || row.isBlank()) {
                return new Result(ProbeOutcome.ACCESSIBLE, null);
            }
            List<String> fields = ReportHeader.fields(row);
            boolean concealed = upn < fields.size() && ReportHeader.looksConcealed(fields.get(upn));
            return new Result(concealed ? ProbeOutcome.CONCEALED : ProbeOutcome.ACCESSIBLE, null);
        } catch (GraphRequestException e) {
            if (e.isForbidden()) {
                return new Result(ProbeOutcome.DENIED, "Graph refused " + reportFunction + " (HTTP 403 " + e.code() + ")");
            }
            LOG.debugf("usage report probe failed: %s", e.getMessage());
            return new Result(ProbeOutcome.INCONCLUSIVE, "Usage report probe failed: HTTP " + e.status() + " " + e.code());
        } catch (GraphException | IOException e) {
            return new Result(ProbeOutcome.INCONCLUSIVE, "Usage report probe failed: " + e.getClass().getSimpleName());
        }
    }
}
