package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Per-world Jira behaviour switches.
 *
 * @param legacySearch {@code removed} (the real service today: 410) or {@code available} (old startAt paging,
 *                     for teams testing older code)
 * @param rateLimit    the Jira REST rate limit (a token bucket on the world's clock); none when absent. A
 *                     {@code scope} left out means {@code perUserApp}. See docs/faults.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JiraSettings(LegacySearch legacySearch, RateLimit rateLimit) {
    public enum LegacySearch {
        REMOVED, AVAILABLE;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    public static final JiraSettings DEFAULTS = new JiraSettings(null, null);

    public JiraSettings {
        if (legacySearch == null) legacySearch = LegacySearch.REMOVED;
        if (rateLimit != null && rateLimit.scope() == null) {
            rateLimit = new RateLimit(rateLimit.capacity(), rateLimit.refillPerSecond(), RateLimit.Scope.PER_USER_APP);
        }
    }

    /** Settings with only the search mode chosen, no rate limit. */
    public JiraSettings(LegacySearch legacySearch) {
        this(legacySearch, null);
    }

    public Optional<RateLimit> rateLimitIfOn() {
        return Optional.ofNullable(rateLimit);
    }
}
