package io.m365platform.connection.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of the connection list. */
@Schema(name = "ConnectionPage")
public record ConnectionPage(List<ConnectionView> items, int offset, int limit,
                             @Schema(description = "Offset of the next page, null on the last page", nullable = true)
                             Integer nextOffset) {
}
