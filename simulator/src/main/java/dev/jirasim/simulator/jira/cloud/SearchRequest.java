package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The enhanced search's parameters, from a query string (GET) or a JSON body (POST) alike. */
record SearchRequest(String jql, String nextPageToken, Integer maxResults, List<String> fields, String expand,
                     List<String> properties, List<Long> reconcileIssues) {

    static final String INVALID_PAYLOAD = "Invalid request payload. Refer to the REST API documentation and try again.";
    private static final Set<String> MEMBERS = Set.of("jql", "nextPageToken", "maxResults", "fields", "expand", "properties",
            "fieldsByKeys", "failFast", "reconcileIssues");

    static SearchRequest fromQuery(Map<String, List<String>> q) {
        Integer max = null;
        String rawMax = first(q, "maxResults");
        if (rawMax != null) {
            try {
                max = Integer.parseInt(rawMax.trim());
            } catch (NumberFormatException e) {
                throw JiraErrors.badRequest("The maxResults parameter must be a number between 1 and 5000.");
            }
        }
        var reconcile = new ArrayList<Long>();
        for (String r : q.getOrDefault("reconcileIssues", List.of())) {
            for (String part : r.split(",")) {
                try {
                    if (!part.isBlank()) reconcile.add(Long.parseLong(part.trim()));
                } catch (NumberFormatException e) {
                    throw JiraErrors.badRequest(INVALID_PAYLOAD);
                }
            }
        }
        return new SearchRequest(first(q, "jql"), first(q, "nextPageToken"), max, q.getOrDefault("fields", List.of()),
                first(q, "expand"), q.getOrDefault("properties", List.of()), reconcile);
    }

    /** Reads a POST body strictly: unknown members and wrong types are a 400 (measured on a real site). */
    static SearchRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) throw JiraErrors.badRequest(INVALID_PAYLOAD);
        body.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) throw JiraErrors.badRequest(INVALID_PAYLOAD);
        });
        String jql = text(body, "jql");
        String token = text(body, "nextPageToken");
        Integer max = null;
        if (body.hasNonNull("maxResults")) {
            if (!body.get("maxResults").canConvertToInt() || !body.get("maxResults").isIntegralNumber()) throw JiraErrors.badRequest(INVALID_PAYLOAD);
            max = body.get("maxResults").intValue();
        }
        String expand = text(body, "expand");
        var reconcile = new ArrayList<Long>();
        if (body.hasNonNull("reconcileIssues")) {
            if (!body.get("reconcileIssues").isArray()) throw JiraErrors.badRequest(INVALID_PAYLOAD);
            for (JsonNode n : body.get("reconcileIssues")) {
                if (!n.isIntegralNumber()) throw JiraErrors.badRequest(INVALID_PAYLOAD);
                reconcile.add(n.longValue());
            }
        }
        return new SearchRequest(jql, token, max, strings(body, "fields"), expand, strings(body, "properties"), reconcile);
    }

    private static String text(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw JiraErrors.badRequest(INVALID_PAYLOAD);
        return n.textValue();
    }

    private static List<String> strings(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) throw JiraErrors.badRequest(INVALID_PAYLOAD);
        var out = new ArrayList<String>();
        for (JsonNode item : n) {
            if (!item.isTextual()) throw JiraErrors.badRequest(INVALID_PAYLOAD);
            out.add(item.textValue());
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String name) {
        var values = q.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
