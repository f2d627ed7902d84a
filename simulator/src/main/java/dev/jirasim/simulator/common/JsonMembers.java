package dev.jirasim.simulator.common;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** JSON written by hand where Jackson's serializer costs too much per call (every token minted or handed out). */
public final class JsonMembers {
    private JsonMembers() {
    }

    /** Appends {@code "name":"value"}, escaped as Jackson escapes it, or {@code "name":null}. */
    public static StringBuilder string(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) return json.append("null");
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        return json.append('"');
    }
}
