package io.m365platform.contracts.usage;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;

/** Platform of the Microsoft 365 apps usage report (getM365AppUserDetail columns). */
public enum UsagePlatform implements WireName {
    /** Desktop app on Windows. */
    WINDOWS("windows"),
    /** Desktop app on macOS. */
    MAC("mac"),
    /** Browser. */
    WEB("web"),
    /** iOS / Android app. */
    MOBILE("mobile");

    private final String wireName;

    UsagePlatform(String wireName) {
        this.wireName = wireName;
    }

    /** The value used in JSON and in the schema's enum. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Windows and Mac together are "desktop". */
    public boolean desktop() {
        return this == WINDOWS || this == MAC;
    }
}
