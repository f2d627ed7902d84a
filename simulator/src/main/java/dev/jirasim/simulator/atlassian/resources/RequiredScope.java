package dev.jirasim.simulator.atlassian.resources;

import java.util.Set;

/**
 * What an API route asks of a token's scopes: its classic scope, or else every one of its granular scopes
 * (reference §5.3). {@link Bearer#requireScope} is the one place that checks it.
 *
 * @param classic  the classic scope, e.g. {@code read:jira-work}
 * @param granular the granular scopes that together stand in for it; empty when there is no granular form
 */
public record RequiredScope(String classic, Set<String> granular) {
    public RequiredScope {
        granular = Set.copyOf(granular);
    }

    public static RequiredScope of(String classic, String... granular) {
        return new RequiredScope(classic, Set.of(granular));
    }

    /** True when the scopes a token holds (on the site in question) satisfy this requirement. */
    public boolean grantedBy(Set<String> held) {
        return held.contains(classic) || (!granular.isEmpty() && held.containsAll(granular));
    }
}
