package io.m365platform.graphsim.http;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Writes a JSON document to a generator (streamed straight to the response). */
@FunctionalInterface
public interface JsonWriter {
    void write(JsonGenerator generator) throws IOException;
}
