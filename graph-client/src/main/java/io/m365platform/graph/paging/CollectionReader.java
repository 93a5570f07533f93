package io.m365platform.graph.paging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.request.GraphRequests;
import io.m365platform.graph.request.GraphResponseStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads big Graph collections (users, groups, members, delta) fast: the SDK's request adapter and
 * middleware fetch each page, Jackson parses the {@code value} array as a stream and hands items to an
 * {@link ItemHandler} one by one, so memory is one item, not one page of model objects. Pages follow
 * {@code @odata.nextLink} exactly as returned (absolute, on the Graph origin); request headers such as
 * {@code ConsistencyLevel: eventual} are sent with every page.
 */
public final class CollectionReader {

    private final GraphRequests requests;
    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public CollectionReader(GraphRequests requests) {
        this.requests = requests;
        this.mapper = requests.mapper();
        this.factory = mapper.getFactory();
    }

    /**
     * Reads one page (retried per the throttle policy; a page failing mid-way is re-read from its start).
     *
     * @param pathOrUrl first request ({@code /users?$select=…&$top=999}) or a nextLink/deltaLink
     */
    public Page readPage(String pathOrUrl, Map<String, String> headers, ItemHandler handler) {
        URI uri = requests.resolve(pathOrUrl);
        return requests.guard().call("GET " + uri.getRawPath(), true, () -> {
            try (GraphResponseStream in = requests.open("GET", uri, headers, null)) {
                return parse(uri.toString(), in, handler);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("Graph returned malformed JSON for GET " + uri.getRawPath(), e);
            } catch (IOException e) {
                throw new GraphNetworkException("GET", uri.getRawPath(), e);
            }
        });
    }

    public Page readPage(String pathOrUrl, ItemHandler handler) {
        return readPage(pathOrUrl, Map.of(), handler);
    }

    /**
     * Reads every page from {@code pathOrUrl} on. For resumable runs, checkpoint {@link Page#nextLink()}
     * in the listener and restart from it with this method.
     *
     * @throws IllegalStateException when Graph returns a nextLink it returned before (a paging loop)
     */
    public CollectionSummary readAll(String pathOrUrl, Map<String, String> headers, ItemHandler handler,
                                     PageListener listener) {
        Set<String> seen = new HashSet<>();
        String url = pathOrUrl;
        long pages = 0;
        long items = 0;
        long removed = 0;
        OptionalLong count = OptionalLong.empty();
        Optional<String> delta = Optional.empty();
        while (url != null) {
            Page page = readPage(url, headers, handler);
            pages++;
            items += page.items();
            removed += page.removed();
            if (pages == 1) {
                count = page.odataCount();
            }
            delta = page.deltaLink();
            listener.onPage(page);
            url = page.nextLink().orElse(null);
            if (url != null && !seen.add(url)) {
                throw new IllegalStateException("Graph returned the same nextLink twice (paging loop): " + url);
            }
        }
        return new CollectionSummary(pages, items, removed, delta, count);
    }

    public CollectionSummary readAll(String pathOrUrl, ItemHandler handler) {
        return readAll(pathOrUrl, Map.of(), handler, PageListener.NONE);
    }

    private Page parse(String url, GraphResponseStream in, ItemHandler handler) throws IOException {
        long items = 0;
        long removed = 0;
        String next = null;
        String delta = null;
        Long count = null;
        try (JsonParser p = factory.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseFailure(p, "a Graph collection response must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "@odata.nextLink" -> next = textOrNull(p, value);
                    case "@odata.deltaLink" -> delta = textOrNull(p, value);
                    case "@odata.count" -> count = value.isNumeric() ? p.getLongValue() : null;
                    case "value" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new JsonParseFailure(p, "'value' must be an array");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode item = mapper.readTree(p);
                            items++;
                            if (DeltaItems.isRemoved(item)) {
                                removed++;
                            }
                            handler.onItem(item);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new Page(url, items, removed, Optional.ofNullable(next), Optional.ofNullable(delta),
                count == null ? OptionalLong.empty() : OptionalLong.of(count));
    }

    private static String textOrNull(JsonParser p, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    private static final class JsonParseFailure extends com.fasterxml.jackson.core.JsonParseException {
        JsonParseFailure(JsonParser p, String message) {
            super(p, message);
        }
    }
}
