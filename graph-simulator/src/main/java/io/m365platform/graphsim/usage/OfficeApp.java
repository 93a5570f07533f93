package io.m365platform.graphsim.usage;

/** The six apps of the Microsoft 365 Apps usage report, in report column order. */
public enum OfficeApp {
    OUTLOOK("Outlook", "outlook"),
    WORD("Word", "word"),
    EXCEL("Excel", "excel"),
    POWERPOINT("PowerPoint", "powerPoint"),
    ONENOTE("OneNote", "oneNote"),
    TEAMS("Teams", "teams");

    private final String column;
    private final String jsonName;

    OfficeApp(String column, String jsonName) {
        this.column = column;
        this.jsonName = jsonName;
    }

    /** The CSV column name ("PowerPoint"). */
    public String column() {
        return column;
    }

    /** The JSON property name of the report's JSON form ("powerPoint"). */
    public String jsonName() {
        return jsonName;
    }

    public static OfficeApp parse(String name) {
        for (OfficeApp a : values()) {
            if (a.column.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown app '" + name + "' (Outlook, Word, Excel, PowerPoint, OneNote, Teams)");
    }
}
