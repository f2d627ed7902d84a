package dev.jirasim.conformance.record;

import java.util.List;
import java.util.Optional;

/**
 * One request and its response as the recorder saw them, without any HTTP library's types. {@code path} and
 * {@code rawQuery} are relative to the upstream and still URL-encoded; bodies are text (UTF-8).
 */
public record RecordedExchange(String method, String path, String rawQuery, List<Header> requestHeaders,
                               String requestBody, int status, List<Header> responseHeaders, String responseBody) {

    /** A header line; a header sent several times is several of these. */
    public record Header(String name, String value) {
    }

    public Optional<String> requestHeader(String name) {
        return first(requestHeaders, name);
    }

    public Optional<String> responseHeader(String name) {
        return first(responseHeaders, name);
    }

    private static Optional<String> first(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }
}
