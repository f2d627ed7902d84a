package dev.jirasim.conformance.parity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * One HTTP step's exchange as a parity run needs it: the full response (the report's copy is truncated, which
 * would break JSON shapes) and the values the step marks as comparable. Secrets are already masked.
 *
 * @param url     the request URL without its query, a target base URL replaced by its name ({@code ${api}/…})
 * @param compare the step's {@code compare} entries, templates filled in: JSON paths and header names
 */
public record Observation(String method, String url, int status, Map<String, String> headers, String body, List<String> compare) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Observation {
        headers = Map.copyOf(headers);
        compare = List.copyOf(compare);
    }

    /** A header's value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** As text for a JUnit report entry, which carries strings only. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Observation fromJson(String json) {
        try {
            return JSON.readValue(json, Observation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an observation: " + e.getOriginalMessage(), e);
        }
    }
}
