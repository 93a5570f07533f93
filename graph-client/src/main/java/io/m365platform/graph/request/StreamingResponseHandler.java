package io.m365platform.graph.request;

import com.microsoft.kiota.ResponseHandler;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.m365platform.graph.error.GraphErrorParser;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Takes over the OkHttp response from the SDK's request adapter (after its auth, redirect and retry
 * middleware ran): 2xx → a {@link GraphResponseStream} the caller parses with Jackson; anything else →
 * a {@link io.m365platform.graph.error.GraphRequestException} parsed from Graph's error JSON.
 */
final class StreamingResponseHandler implements ResponseHandler {

    private final GraphErrorParser errors;

    StreamingResponseHandler(GraphErrorParser errors) {
        this.errors = errors;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <NativeResponseType, ModelType> ModelType handleResponse(
            NativeResponseType nativeResponse, HashMap<String, ParsableFactory<? extends Parsable>> errorMappings) {
        Response response = (Response) nativeResponse;
        Map<String, List<String>> headers = response.headers().toMultimap();
        ResponseBody body = response.body();
        if (!response.isSuccessful()) {
            try (response) {
                throw errors.parse(response.request().method(), response.request().url().uri(), response.code(), headers,
                        body == null ? null : body.byteStream());
            }
        }
        InputStream in = body == null ? InputStream.nullInputStream() : body.byteStream();
        return (ModelType) new GraphResponseStream(in, response.code(), headers, response.request().url().uri(), response);
    }
}
