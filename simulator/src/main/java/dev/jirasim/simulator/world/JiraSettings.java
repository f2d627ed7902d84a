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
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JiraSettings(LegacySearch legacySearch, RateLimit rateLimit, java.util.List<CustomField> customFields,
                           java.util.List<Sprint> sprints, java.util.List<Group> groups) {
    public enum LegacySearch {
        REMOVED, AVAILABLE;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    public static final JiraSettings DEFAULTS = new JiraSettings(null, null, null, null, null);

    public JiraSettings {
        if (legacySearch == null) legacySearch = LegacySearch.REMOVED;
        customFields = customFields == null ? java.util.List.of() : java.util.List.copyOf(customFields);
        sprints = sprints == null ? java.util.List.of() : java.util.List.copyOf(sprints);
        groups = groups == null ? java.util.List.of() : java.util.List.copyOf(groups);
        if (rateLimit != null && rateLimit.scope() == null) {
            rateLimit = new RateLimit(rateLimit.capacity(), rateLimit.refillPerSecond(), RateLimit.Scope.PER_USER_APP);
        }
    }

    /** Settings with only the search mode chosen, no rate limit. */
    public JiraSettings(LegacySearch legacySearch) {
        this(legacySearch, null);
    }

    /** Search mode and rate limit, no custom fields or sprints. */
    public JiraSettings(LegacySearch legacySearch, RateLimit rateLimit) {
        this(legacySearch, rateLimit, null, null, null);
    }

    /** Without groups. */
    public JiraSettings(LegacySearch legacySearch, RateLimit rateLimit, java.util.List<CustomField> customFields, java.util.List<Sprint> sprints) {
        this(legacySearch, rateLimit, customFields, sprints, null);
    }

    /** The groups of one site, in the order the world lists them. */
    public java.util.List<Group> groups(String site) {
        return groups.stream().filter(g -> g.site().equals(site)).toList();
    }

    /** The same settings with another search mode. */
    public JiraSettings withLegacySearch(LegacySearch mode) {
        return new JiraSettings(mode, rateLimit, customFields, sprints, groups);
    }

    /** The same settings with another rate limit (null: none). */
    public JiraSettings withRateLimit(RateLimit limit) {
        return new JiraSettings(legacySearch, limit, customFields, sprints, groups);
    }

    /** The custom fields of one site, in the order the world lists them. */
    public java.util.List<CustomField> customFields(String site) {
        return customFields.stream().filter(f -> f.site().equals(site)).toList();
    }

    public Optional<CustomField> customField(String site, String id) {
        return customFields.stream().filter(f -> f.site().equals(site) && f.id().equals(id)).findFirst();
    }

    public Optional<Sprint> sprint(String site, long id) {
        return sprints.stream().filter(s -> s.site().equals(site) && s.id() == id).findFirst();
    }

    public Optional<RateLimit> rateLimitIfOn() {
        return Optional.ofNullable(rateLimit);
    }
}
