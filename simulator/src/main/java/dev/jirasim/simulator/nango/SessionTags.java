package dev.jirasim.simulator.nango;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags a connect session gives the connection it creates, as Nango's {@code buildTagsFromEndUser} makes them:
 * {@code end_user_id}, {@code end_user_email}, {@code end_user_display_name}, {@code organization_id},
 * {@code organization_display_name} from the session's end user and organization, then the end user's own tags (keys
 * lower-cased; a key Nango's tag-key pattern refuses is dropped), then the session's top-level {@code tags}. They reach
 * the connection (GET connection's {@code tags}) and its auth webhooks. Values that are not strings are left out.
 */
final class SessionTags {
    private static final String KEY = "[a-zA-Z][a-zA-Z0-9_\\-./]*";
    private static final int KEY_MAX = 64;
    private static final int VALUE_MAX = 255;

    private SessionTags() {
    }

    static Map<String, String> of(JsonNode endUser, JsonNode organization, JsonNode tags) {
        var out = new TreeMap<String, String>();
        if (endUser != null && endUser.isObject()) {
            put(out, "end_user_id", endUser.get("id"));
            put(out, "end_user_email", endUser.get("email"));
            put(out, "end_user_display_name", endUser.get("display_name"));
            if (organization != null && organization.isObject()) {
                put(out, "organization_id", organization.get("id"));
                put(out, "organization_display_name", organization.get("display_name"));
            }
            JsonNode own = endUser.get("tags");
            if (own != null && own.isObject()) {
                own.fields().forEachRemaining(e -> {
                    String key = e.getKey().toLowerCase(Locale.ROOT);
                    if (key.length() > KEY_MAX) key = key.substring(0, KEY_MAX);
                    if (key.matches(KEY)) put(out, key, e.getValue());
                });
            }
        }
        if (tags != null && tags.isObject()) tags.fields().forEachRemaining(e -> put(out, e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        return out;
    }

    private static void put(Map<String, String> tags, String key, JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isEmpty()) return;
        String text = value.asText();
        tags.put(key, text.length() > VALUE_MAX ? text.substring(0, VALUE_MAX) : text);
    }
}
