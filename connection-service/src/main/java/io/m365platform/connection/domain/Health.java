package io.m365platform.connection.domain;

import io.m365platform.contracts.connection.ConnectionStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection's status with the sentence that explains it and the one that says what to do.
 *
 * @param status status as in the contracts
 * @param reason why, in one sentence; empty when connected without remarks
 * @param fix    what an operator should do, in one sentence; empty when nothing
 */
public record Health(ConnectionStatus status, Optional<String> reason, Optional<String> fix) {

    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
    }

    public static Health of(ConnectionStatus status, String reason, String fix) {
        return new Health(status, Optional.ofNullable(reason), Optional.ofNullable(fix));
    }

    public static Health connected() {
        return new Health(ConnectionStatus.CONNECTED, Optional.empty(), Optional.empty());
    }
}
