package io.m365platform.sync.db;

import java.sql.SQLException;

/** A database failure; unchecked so that it crosses lambdas, but always carrying the SQL cause. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
