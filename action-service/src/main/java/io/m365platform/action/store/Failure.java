package io.m365platform.action.store;

/**
 * Why an action did not (yet) succeed, as stored and published.
 *
 * @param code           machine-readable cause, e.g. {@code permission-missing}, {@code not-found}, {@code throttled}
 * @param message        what happened, for people
 * @param fix            what to do about it, or null
 * @param graphStatus    HTTP status of Graph's last answer, when there was one
 * @param graphErrorCode Graph's {@code error.code}, when there was one
 */
public record Failure(String code, String message, String fix, Integer graphStatus, String graphErrorCode) {

    public static Failure of(String code, String message, String fix) {
        return new Failure(code, message, fix, null, null);
    }

    /** Message and fix in one sentence pair, for the result event (which has one text field). */
    public String explanation() {
        return fix == null ? message : message + " " + fix;
    }
}
