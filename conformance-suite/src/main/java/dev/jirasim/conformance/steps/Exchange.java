package dev.jirasim.conformance.steps;

import java.util.Map;

/** What a step sent and received, secrets already masked: the evidence reports show. */
public record Exchange(String method, String url, Map<String, String> requestHeaders, String requestBody,
                       int status, Map<String, String> responseHeaders, String responseBody) {

    public String requestText() {
        var sb = new StringBuilder(method).append(' ').append(url).append('\n');
        requestHeaders.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        if (requestBody != null && !requestBody.isEmpty()) sb.append('\n').append(requestBody);
        return sb.toString();
    }

    public String responseText() {
        if (status == 0) return "(no response)";
        var sb = new StringBuilder("HTTP ").append(status).append('\n');
        responseHeaders.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        if (responseBody != null && !responseBody.isEmpty()) sb.append('\n').append(responseBody);
        return sb.toString();
    }
}
