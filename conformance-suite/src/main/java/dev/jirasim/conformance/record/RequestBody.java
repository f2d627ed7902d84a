package dev.jirasim.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A request body in the scenario's terms: {@code json} for JSON, {@code form} for a form, else the raw
 * {@code body}, each with its values templated. For {@code json} and {@code form} the suite sets the
 * Content-Type itself, so the recorded header is left out.
 */
record RequestBody(JsonNode json, Map<String, String> form, String body) {
    private static final RequestBody NONE = new RequestBody(null, Map.of(), null);

    static RequestBody of(RecordedExchange x, Placeholders values, String where) {
        String text = x.requestBody();
        if (text == null || text.isEmpty()) return NONE;
        String type = x.requestHeader("Content-Type").map(t -> t.split(";")[0].trim().toLowerCase()).orElse("");
        if (type.equals("application/json")) {
            JsonNode tree = SessionConverter.parse(text);
            if (tree != null) return new RequestBody(SessionConverter.templated(tree, "", values, where), Map.of(), null);
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            Map<String, String> pairs = FormText.decode(text);
            if (pairs != null && !pairs.isEmpty()) {
                var form = new java.util.LinkedHashMap<String, String>();
                pairs.forEach((k, v) -> form.put(k, values.value(k, v, where + " (" + k + ")")));
                return new RequestBody(null, form, null);
            }
        }
        return new RequestBody(null, Map.of(), values.inText(text));
    }

    boolean setsContentType() {
        return json != null || !form.isEmpty();
    }
}
