package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Jira dynamic webhook a 3LO app registered ({@code POST /rest/api/3/webhook}) as one of its users on one site.
 * Ids are small integers counted per site (webhooks.md A.2: key them by site and id). It fires until
 * {@code expirationDate}, 30 days after registration or the last refresh (A.4).
 *
 * @param accountId who registered it: deliveries carry only issues this user may browse
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "site", "clientId", "accountId", "url", "events", "jqlFilter", "fieldIdsFilter", "issuePropertyKeysFilter", "expirationDate"})
public record JiraWebhook(long id, String site, String clientId, String accountId, String url, List<String> events, String jqlFilter,
                          List<String> fieldIdsFilter, List<String> issuePropertyKeysFilter, Instant expirationDate) {
    /** The events Jira lets a dynamic webhook ask for ({@code WebhookDetails.events} in the v3 document). */
    public static final List<String> EVENTS = List.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted", "issue_property_set", "issue_property_deleted",
            "sprint_created", "sprint_updated", "sprint_closed", "sprint_deleted", "sprint_started", "jira:version_released",
            "jira:version_unreleased", "jira:version_created", "jira:version_moved", "jira:version_updated", "jira:version_merged",
            "jira:version_deleted");

    public JiraWebhook {
        if (id < 1) throw new IllegalArgumentException("a webhook id is a positive number, not " + id);
        Objects.requireNonNull(site, "a webhook needs its 'site'");
        Objects.requireNonNull(clientId, "a webhook needs the 'clientId' of the app that registered it");
        Objects.requireNonNull(accountId, "a webhook needs the 'accountId' of the user who registered it");
        Objects.requireNonNull(url, "a webhook needs a 'url'");
        Objects.requireNonNull(jqlFilter, "a webhook needs a 'jqlFilter'");
        Objects.requireNonNull(expirationDate, "a webhook needs an 'expirationDate'");
        events = events == null ? List.of() : List.copyOf(events);
        for (String e : events) if (!EVENTS.contains(e)) throw new IllegalArgumentException("unknown webhook event '" + e + "'");
        fieldIdsFilter = fieldIdsFilter == null ? null : List.copyOf(fieldIdsFilter);
        issuePropertyKeysFilter = issuePropertyKeysFilter == null ? null : List.copyOf(issuePropertyKeysFilter);
    }

    /** Whether it still fires at {@code now}. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expirationDate);
    }

    public JiraWebhook expiringAt(Instant next) {
        return new JiraWebhook(id, site, clientId, accountId, url, events, jqlFilter, fieldIdsFilter, issuePropertyKeysFilter, next);
    }
}
