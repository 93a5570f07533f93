package io.m365platform.connection.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The broker's 409: the connection exists but may not be used now. */
@Schema(name = "ConnectionNotUsable")
public record NotUsableView(@Schema(examples = "connection-not-usable") String error,
                            @Schema(examples = "needs-reconnect") String status,
                            String message, String fix) {
}
