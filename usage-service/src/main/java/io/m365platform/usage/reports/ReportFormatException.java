package io.m365platform.usage.reports;

/** A report body this service cannot read (a column it needs is missing, a date is malformed). */
public class ReportFormatException extends RuntimeException {

    public ReportFormatException(String message) {
        super(message);
    }

    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
