package io.m365platform.connection.service;

import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.store.ConnectionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Applies a change to one connection in its own transaction: the row is locked, the change computed on the
 * current state (not on a copy read before a slow Graph call), saved, and its events written to the outbox.
 */
@ApplicationScoped
public class ConnectionChanges {

    /** Writes the events of a change (inside the transaction). */
    @FunctionalInterface
    public interface Events {
        void record(Connection before, Connection after);
    }

    private final ConnectionStore store;

    public ConnectionChanges(ConnectionStore store) {
        this.store = store;
    }

    public Connection apply(UUID id, UnaryOperator<Connection> change, Events events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Connection before = store.findForUpdate(id).orElseThrow(() -> new ConnectionNotFoundException(id));
            Connection after = change.apply(before);
            if (after.equals(before)) {
                return before;
            }
            Connection saved = store.update(after);
            events.record(before, saved);
            return saved;
        });
    }
}
