package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Per-world Jira behaviour switches.
 *
 * @param legacySearch {@code removed} (the real service today: 410) or {@code available} (old startAt paging,
 *                     for teams testing older code)
 */
public record JiraSettings(LegacySearch legacySearch) {
    public enum LegacySearch {
        REMOVED, AVAILABLE;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    public static final JiraSettings DEFAULTS = new JiraSettings(null);

    public JiraSettings {
        if (legacySearch == null) legacySearch = LegacySearch.REMOVED;
    }
}
