package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.JiraWebhook;
import dev.jirasim.simulator.world.WebhookSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jira's dynamic webhook API for 3LO apps (webhooks.md A.1–A.4): register, list, delete, refresh, and the failed
 * list that answers only Connect apps. A webhook belongs to the app and the user of the token that registered it,
 * on the token's site; another app's or user's ids are ignored, as Jira ignores other apps' ids.
 */
final class WebhookService {
    /** A dynamic webhook lives 30 days from registration or the last refresh (A.4). */
    static final Duration LIFETIME = Duration.ofDays(30);
    /** At most five live webhooks per app, user and site for a 3LO app (A.3). */
    static final int MAX_PER_USER = 5;
    /** Our wording: the reference records the limit and that the extra item gets an error, not the text. */
    static final String LIMIT = "The app has reached the limit of " + MAX_PER_USER + " webhooks per user on this site.";
    /** Our wording for an item that asks for no event (the schema does not forbid an empty list). */
    static final String NO_EVENTS = "At least one event must be given.";
    /** Reported by one integrator for a Basic-auth (user) caller (A.1). */
    static final String ONLY_APPS = "Only apps can access this resource.";
    private static final Set<String> REQUEST_MEMBERS = Set.of("url", "webhooks");
    private static final Set<String> ITEM_MEMBERS = Set.of("events", "jqlFilter", "fieldIdsFilter", "issuePropertyKeysFilter");

    private WebhookService() {
    }

    /** The operations answer apps only: a user with an API token on the site host gets a 403 (A.1). */
    static void requireApp(CloudCaller c) {
        if (c.session() == null) throw JiraErrors.message(403, ONLY_APPS);
    }

    /** {@code POST /webhook}: one result per item, in order; a bad item gets {@code errors} and the rest are still made (A.2). */
    static Map<String, Object> register(CloudCaller c, JsonNode body) {
        requireApp(c);
        if (!onlyMembers(body, REQUEST_MEMBERS) || !body.path("url").isTextual() || !body.path("webhooks").isArray()) throw invalid();
        String url = body.get("url").asText();
        if (!isWebUrl(url)) throw JiraErrors.badRequest("The webhook URL must be an absolute http or https URL."); // our wording
        var items = new ArrayList<Item>();
        for (JsonNode item : body.get("webhooks")) items.add(Item.of(item));
        String site = c.site().subdomain();
        String clientId = c.session().grant().clientId();
        String accountId = c.user().accountId();
        Instant now = c.world().clock().now();
        long live = c.world().jiraWebhooks().of(site, clientId, accountId).stream().filter(h -> h.liveAt(now)).count();
        var results = new ArrayList<Object>();
        for (Item item : items) {
            var errors = new ArrayList<>(WebhookFilter.problems(c.world(), site, item.jqlFilter()));
            if (item.events().isEmpty()) errors.add(NO_EVENTS);
            if (errors.isEmpty() && live >= MAX_PER_USER) errors.add(LIMIT);
            var result = new LinkedHashMap<String, Object>();
            if (errors.isEmpty()) {
                JiraWebhook hook = c.world().jiraWebhooks().register(new JiraWebhook(1, site, clientId, accountId, url, item.events(),
                        item.jqlFilter(), item.fieldIdsFilter(), item.issuePropertyKeysFilter(), now.plus(LIFETIME)));
                live++;
                result.put("createdWebhookId", hook.id());
            } else {
                result.put("errors", errors);
            }
            results.add(result);
        }
        return Map.of("webhookRegistrationResult", results);
    }

    /** One item of a registration, its members checked against {@code WebhookDetails} (types, the event enum). */
    private record Item(List<String> events, String jqlFilter, List<String> fieldIdsFilter, List<String> issuePropertyKeysFilter) {
        static Item of(JsonNode item) {
            if (!onlyMembers(item, ITEM_MEMBERS) || !item.path("jqlFilter").isTextual() || !item.has("events")) throw invalid();
            List<String> events = strings(item.get("events"));
            for (String e : events) if (!JiraWebhook.EVENTS.contains(e)) throw invalid();
            return new Item(List.copyOf(new java.util.LinkedHashSet<>(events)), item.get("jqlFilter").asText(),
                    item.has("fieldIdsFilter") ? strings(item.get("fieldIdsFilter")) : null,
                    item.has("issuePropertyKeysFilter") ? strings(item.get("issuePropertyKeysFilter")) : null);
        }
    }

    /** {@code GET /webhook}: the caller's webhooks on the site as a {@code PageBeanWebhook}, expired ones included. */
    static Map<String, Object> list(CloudCaller c, int startAt, int maxResults) {
        requireApp(c);
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative."); // our wording
        if (maxResults < 0) throw JiraErrors.badRequest("The maxResults parameter must not be negative."); // our wording
        maxResults = Math.min(maxResults, 100);
        var all = c.world().jiraWebhooks().of(c.site().subdomain(), c.session().grant().clientId(), c.user().accountId());
        int to = (int) Math.min(all.size(), (long) startAt + maxResults);
        var values = new ArrayList<Object>();
        for (JiraWebhook h : all.subList(Math.min(startAt, to), to)) values.add(view(c, h));
        String self = c.apiBase() + "/webhook";
        var page = new LinkedHashMap<String, Object>();
        page.put("self", self + "?startAt=" + startAt + "&maxResults=" + maxResults);
        boolean last = to >= all.size();
        if (!last) page.put("nextPage", self + "?startAt=" + to + "&maxResults=" + maxResults);
        page.put("maxResults", maxResults);
        page.put("startAt", startAt);
        page.put("total", all.size());
        page.put("isLast", last);
        page.put("values", values);
        return page;
    }

    private static Map<String, Object> view(CloudCaller c, JiraWebhook h) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", h.id());
        m.put("jqlFilter", h.jqlFilter());
        if (h.fieldIdsFilter() != null) m.put("fieldIdsFilter", h.fieldIdsFilter());
        if (h.issuePropertyKeysFilter() != null) m.put("issuePropertyKeysFilter", h.issuePropertyKeysFilter());
        m.put("events", h.events());
        m.put("expirationDate", expiration(c, h.expirationDate()));
        m.put("url", h.url());
        return m;
    }

    /** {@code DELETE /webhook}: removes the caller's listed webhooks and ignores the rest (A.4). */
    static void delete(CloudCaller c, JsonNode body) {
        requireApp(c);
        c.world().jiraWebhooks().delete(c.site().subdomain(), c.session().grant().clientId(), c.user().accountId(), ids(body));
    }

    /** {@code PUT /webhook/refresh}: every listed webhook of the caller expires 30 days from now; answers that date (A.4). */
    static Map<String, Object> refresh(CloudCaller c, JsonNode body) {
        requireApp(c);
        Instant next = c.world().clock().now().plus(LIFETIME);
        c.world().jiraWebhooks().refresh(c.site().subdomain(), c.session().grant().clientId(), c.user().accountId(), ids(body), next);
        return Map.of("expirationDate", expiration(c, next));
    }

    /**
     * {@code GET /webhook/failed}: documented for Connect apps only, so a 3LO app gets the 403 the document lists
     * (whether Jira really refuses 3LO apps is unconfirmed, A.1; the text is ours).
     */
    static Map<String, Object> failed(CloudCaller c) {
        requireApp(c);
        throw JiraErrors.message(403, "Only Connect apps can use this operation.");
    }

    /** An instant as the world writes {@code expirationDate}: epoch ms (default) or Jira's date-time string (A.2). */
    static Object expiration(CloudCaller c, Instant at) {
        return c.world().jiraWebhookOptions().expirationFormat() == WebhookSettings.ExpirationFormat.STRING
                ? JiraJson.time(at) : (Object) at.toEpochMilli();
    }

    /** {@code {"webhookIds": [int64, …]}}, required (the document's 400 when it is missing). */
    private static List<Long> ids(JsonNode body) {
        if (!onlyMembers(body, Set.of("webhookIds")) || !body.path("webhookIds").isArray()) throw invalid();
        var ids = new ArrayList<Long>();
        for (JsonNode id : body.get("webhookIds")) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) throw invalid();
            ids.add(id.asLong());
        }
        return ids;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || !node.isArray()) throw invalid();
        var out = new ArrayList<String>();
        for (JsonNode n : node) {
            if (!n.isTextual()) throw invalid();
            out.add(n.asText());
        }
        return out;
    }

    /** The schemas forbid members they do not declare ({@code additionalProperties: false}). */
    private static boolean onlyMembers(JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) return false;
        var names = node.fieldNames();
        while (names.hasNext()) if (!allowed.contains(names.next())) return false;
        return true;
    }

    static boolean isWebUrl(String url) {
        try {
            URI u = new URI(url);
            return u.isAbsolute() && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static dev.jirasim.simulator.common.Problem invalid() {
        return JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
    }
}
