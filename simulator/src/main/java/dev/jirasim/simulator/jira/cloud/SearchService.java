package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.common.LegacySearchPage;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraSettings;
import dev.jirasim.simulator.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enhanced search ({@code /search/jql}: forward-only {@code nextPageToken}, no totals, ids by default,
 * unbounded queries refused), the removed legacy search (410, or the old paging when a world asks), and
 * approximate count. Plain Java over {@link CloudCaller}; routes only parse and render.
 */
final class SearchService {
    static final int MAX_PAGE = 5000;
    /** Pages with field data are capped lower, as the real service does (its caps are not contractual). */
    static final int MAX_PAGE_WITH_FIELDS = 100;
    static final int LEGACY_MAX_PAGE = 100;
    private static final World.Derived<Map<PageKey, byte[]>> PAGES = World.Derived.named("search-pages");

    private final JqlAdapter jql;

    SearchService(JqlAdapter jql) {
        this.jql = jql;
    }

    /** One page of an enhanced search, before rendering: which hits, from the engine's (possibly shared) result. */
    private record Page(List<Issue> all, int from, int to, String query, FieldSelection fields, String expand) {
    }

    /**
     * The page as UTF-8 JSON, ready to write (callers must not change the array). Equal pages of the same shared result (see {@code ResultCache}: the same list object
     * means the same index version, searcher, query and clock) with the same rendering inputs are rendered once.
     */
    /** At most this much rendered search pages are kept per world. */
    private static final long PAGE_CACHE_BYTES = 32L << 20;

    byte[] enhancedJson(CloudCaller c, SearchRequest r) throws com.fasterxml.jackson.core.JsonProcessingException {
        Page page = page(c, r);
        Map<PageKey, byte[]> cache = c.world().derived(PAGES, java.util.concurrent.ConcurrentHashMap::new);
        var key = new PageKey(page, c.apiBase());
        byte[] hit = cache.get(key);
        if (hit != null) return hit;
        byte[] json = dev.jirasim.simulator.common.Json.MAPPER.writeValueAsBytes(render(c, page));
        // Bounded by bytes, not entries: a page with histories inline (expand=changelog) is large but polled as often.
        if (json.length <= PAGE_CACHE_BYTES / 16) {
            long held = cache.values().stream().mapToLong(b -> b.length).sum();
            if (cache.size() >= 1_000 || held + json.length > PAGE_CACHE_BYTES) cache.clear();
            cache.put(key, json);
        }
        return json;
    }

    /** A page by its result's identity (comparing results by value would cost what the cache saves). */
    private record PageKey(Page page, String apiBase) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PageKey k && k.page.all == page.all && k.page.from == page.from && k.page.to == page.to
                    && k.page.query.equals(page.query) && k.page.fields.equals(page.fields) && java.util.Objects.equals(k.page.expand, page.expand)
                    && k.apiBase.equals(apiBase);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(System.identityHashCode(page.all), page.from, page.to, page.query, page.fields, page.expand, apiBase);
        }
    }

    private Page page(CloudCaller c, SearchRequest r) {
        String query = r.jql() == null ? "" : r.jql();
        // Precedence measured on a real site: page token, then maxResults, then an unbounded query.
        PageToken token = PageToken.decode(r.nextPageToken(), query.hashCode());
        int max = r.maxResults() == null ? 50 : r.maxResults();
        if (max < 1 || max > MAX_PAGE) throw JiraErrors.badRequest("The maxResults parameter must be between 1 and " + MAX_PAGE + ".");
        if (r.reconcileIssues().size() > 50) throw JiraErrors.badRequest("The reconcileIssues parameter accepts at most 50 issue ids.");
        if (r.properties().size() > 5) throw JiraErrors.badRequest("The properties parameter accepts at most 5 property keys.");
        if (query.isBlank() || !jql.bounded(query)) throw JiraErrors.unbounded();
        FieldSelection fields = FieldSelection.parse(r.fields(), "id");
        if (!fields.idsOnly()) max = Math.min(max, MAX_PAGE_WITH_FIELDS);
        int wanted = token == null ? max : token.offset() + max;
        // One more than the page ends at tells whether another page follows, without ordering every hit.
        List<Issue> all = run(c, query, wanted < 0 || wanted == Integer.MAX_VALUE ? Integer.MAX_VALUE : wanted + 1);
        int from = token == null ? 0 : Math.min(token.offset(), all.size());
        int to = Math.min(all.size(), from + max);
        return new Page(all, from, to, query, fields, r.expand());
    }

    private static Map<String, Object> render(CloudCaller c, Page p) {
        var issues = new ArrayList<Object>();
        for (Issue i : p.all().subList(p.from(), p.to())) issues.add(IssueView.rendered(c, i, p.fields(), IssueView.Expand.parse(p.expand()).perIssue()));
        var body = new LinkedHashMap<String, Object>();
        body.put("issues", issues);
        if (p.to() < p.all().size()) body.put("nextPageToken", new PageToken(p.to(), p.query().hashCode()).encode());
        body.put("isLast", p.to() >= p.all().size());
        addExpansions(c, body, p.expand(), p.fields());
        return body;
    }

    Map<String, Object> legacy(CloudCaller c, String query, int startAt, Integer maxResults, List<String> fields, String expand) {
        if (c.world().jiraSettings().legacySearch() == JiraSettings.LegacySearch.REMOVED) throw JiraErrors.legacySearchRemoved();
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        int max = maxResults == null ? 50 : Math.max(0, Math.min(maxResults, LEGACY_MAX_PAGE));
        FieldSelection selection = FieldSelection.parse(fields, "*navigable");
        List<Issue> all = query == null || query.isBlank() ? run(c, null) : run(c, query);
        var issues = new ArrayList<Object>();
        for (Issue i : LegacySearchPage.slice(all, startAt, max)) issues.add(IssueView.of(c, i, selection, IssueView.Expand.parse(expand).perIssue()));
        var body = LegacySearchPage.body(startAt, max, all.size(), issues);
        addExpansions(c, body, expand, selection);
        return body;
    }

    Map<String, Object> approximateCount(CloudCaller c, String query) {
        if (query == null || query.isBlank() || !jql.bounded(query)) throw JiraErrors.unbounded();
        return Map.of("count", run(c, query).size());
    }

    private List<Issue> run(CloudCaller c, String query) {
        return run(c, query, Integer.MAX_VALUE);
    }

    private List<Issue> run(CloudCaller c, String query, int limit) {
        try {
            return jql.search(c, query, limit);
        } catch (JqlAdapter.Invalid e) {
            throw JiraErrors.messages(400, e.messages);
        }
    }

    private static void addExpansions(CloudCaller c, Map<String, Object> body, String expand, FieldSelection fields) {
        if (expand == null) return;
        var parts = List.of(expand.split(","));
        String site = c.site().subdomain();
        var ids = new java.util.ArrayList<String>();
        for (String f : fields.fields()) if (!f.startsWith("customfield_") && !f.startsWith("-")) ids.add(f);
        for (var f : c.world().jiraSettings().customFields(site)) if (fields.wantsCustom(f.id())) ids.add(f.id());
        if (parts.contains("names")) {
            var names = new LinkedHashMap<String, String>();
            for (String f : ids) names.put(f, SystemFields.name(c, site, f));
            body.put("names", names);
        }
        if (parts.contains("schema")) {
            var schema = new LinkedHashMap<String, Object>();
            for (String f : ids) if (SystemFields.schema(c, site, f) != null) schema.put(f, SystemFields.schema(c, site, f));
            body.put("schema", schema);
        }
    }
}
