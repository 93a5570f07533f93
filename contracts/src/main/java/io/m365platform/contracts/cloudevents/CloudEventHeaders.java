package io.m365platform.contracts.cloudevents;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: every context
 * attribute is a header {@code ce_<attribute>} with a UTF-8 value, the data is the record value, and the
 * data content type is the {@code content-type} header. Extension attribute names are lower-case
 * alphanumerics, hence {@code ce_tenantid} and {@code ce_connectionid}.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension: Entra tenant id. */
    public static final String TENANT_ID = "ce_tenantid";
    /** Extension: platform connection id. */
    public static final String CONNECTION_ID = "ce_connectionid";

    /** The only spec version written and accepted. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** The only data content type written and accepted. */
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** The last value of a header as UTF-8 text, or null when the header is absent or has no value. */
    public static String text(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
