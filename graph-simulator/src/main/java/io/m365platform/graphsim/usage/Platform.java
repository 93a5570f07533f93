package io.m365platform.graphsim.usage;

/** The four platforms of the Microsoft 365 Apps usage report, in report column order. */
public enum Platform {
    WINDOWS("Windows", "windows"),
    MAC("Mac", "mac"),
    MOBILE("Mobile", "mobile"),
    WEB("Web", "web");

    private final String column;
    private final String jsonName;

    Platform(String column, String jsonName) {
        this.column = column;
        this.jsonName = jsonName;
    }

    public String column() {
        return column;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Bit of an (app, platform) pair in {@link DayActivity#apps()}. */
    public static int bit(OfficeApp app, Platform platform) {
        return 1 << (app.ordinal() * 4 + platform.ordinal());
    }

    public static Platform parse(String name) {
        for (Platform p : values()) {
            if (p.column.equalsIgnoreCase(name) || p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown platform '" + name + "' (Windows, Mac, Mobile, Web)");
    }
}
