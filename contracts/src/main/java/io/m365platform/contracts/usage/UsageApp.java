package io.m365platform.contracts.usage;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** An app of the Microsoft 365 apps usage report. */
public enum UsageApp implements WireName {
    /** Outlook. */
    OUTLOOK("outlook"),
    /** Word. */
    WORD("word"),
    /** Excel. */
    EXCEL("excel"),
    /** PowerPoint. */
    POWERPOINT("powerpoint"),
    /** OneNote. */
    ONENOTE("onenote"),
    /** Teams (counted separately from the Office suite). */
    TEAMS("teams");

    private final String wireName;

    UsageApp(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** True for the Office suite apps; the suite total sums every app except Teams. */
    public boolean inOfficeSuite() {
        return this != TEAMS;
    }
}
