package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.ChangeGroup;
import dev.jirasim.simulator.world.Issue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An issue's history as Jira serves it: the paged changelog, histories by id, the bulk fetch across issues, and
 * the latest histories inline ({@code expand=changelog}). Oldest first everywhere, as Jira orders them.
 */
final class ChangelogService {
    /** Jira's page sizes: 100 on the issue's changelog; 1000 by default and at most 10 000 in the bulk fetch. */
    static final int PAGE = 100;
    static final int BULK_DEFAULT = 1000;
    static final int BULK_MAX = 10_000;

    private ChangelogService() {
    }

    /** {@code GET /issue/{key}/changelog}: a PageBean of histories. */
    static Map<String, Object> page(CloudCaller c, String idOrKey, int startAt, int maxResults) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        int max = Math.max(0, Math.min(PAGE, maxResults));
        List<ChangeGroup> all = issue.changelog();
        int from = Math.min(startAt, all.size());
        int to = (int) Math.min(all.size(), (long) from + max);
        var m = new LinkedHashMap<String, Object>();
        String base = c.apiBase() + "/issue/" + issue.key() + "/changelog";
        m.put("self", base + "?maxResults=" + max + "&startAt=" + startAt);
        if (to < all.size()) m.put("nextPage", base + "?maxResults=" + max + "&startAt=" + to);
        m.put("maxResults", max);
        m.put("startAt", startAt);
        m.put("total", all.size());
        m.put("isLast", to >= all.size());
        m.put("values", all.subList(from, to).stream().map(g -> history(c, g)).toList());
        return m;
    }

    /** {@code POST /issue/{key}/changelog/list}: the histories with these ids, in the issue's order. */
    static Map<String, Object> list(CloudCaller c, String idOrKey, JsonNode body) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        JsonNode ids = body == null ? null : body.get("changelogIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) throw JiraErrors.badRequest("changelogIds must contain at least one changelog ID.");
        var wanted = new LinkedHashSet<String>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber() && !id.isTextual()) {
                throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            }
            if (!wanted.add(Long.toString(id.asLong()))) throw JiraErrors.badRequest("changelogIds must not contain duplicates.");
        }
        var histories = issue.changelog().stream().filter(g -> wanted.contains(g.id())).map(g -> history(c, g)).toList();
        var m = new LinkedHashMap<String, Object>();
        m.put("startAt", 0);
        m.put("maxResults", histories.size());
        m.put("total", histories.size());
        m.put("histories", histories);
        return m;
    }

    /**
     * {@code POST /changelog/bulkfetch}: histories of up to 1000 issues, optionally only items of up to 10 fields,
     * sorted by date then issue id, paged by an opaque token. Issues the caller may not see are left out.
     */
    static Map<String, Object> bulk(CloudCaller c, JsonNode body) {
        if (body == null || !body.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        JsonNode refs = body.get("issueIdsOrKeys");
        if (refs == null || !refs.isArray() || refs.isEmpty() || refs.size() > 1000) {
            throw JiraErrors.badRequest("issueIdsOrKeys must contain between 1 and 1000 issue IDs or keys.");
        }
        var fieldIds = new LinkedHashSet<String>();
        JsonNode fields = body.get("fieldIds");
        if (fields != null && !fields.isNull()) {
            if (!fields.isArray() || fields.size() > 10) throw JiraErrors.badRequest("fieldIds must contain at most 10 field IDs.");
            fields.forEach(f -> fieldIds.add(f.asText()));
        }
        int max = BULK_DEFAULT;
        JsonNode maxNode = body.get("maxResults");
        if (maxNode != null && !maxNode.isNull()) {
            if (!maxNode.canConvertToInt() || maxNode.asInt() < 1) throw JiraErrors.badRequest("maxResults must be between 1 and " + BULK_MAX + ".");
            max = Math.min(BULK_MAX, maxNode.asInt());
        }
        // The token belongs to these issues and fields: used with others it is refused, as the search's is.
        int hash = java.util.Objects.hash(refs.toString(), fieldIds);
        JsonNode token = body.get("nextPageToken");
        PageToken at = token == null || token.isNull() ? null : PageToken.decode(token.asText(), hash);
        int skip = at == null ? 0 : at.offset();
        record Entry(Issue issue, ChangeGroup group) {
        }
        var entries = new ArrayList<Entry>();
        var seen = new LinkedHashSet<String>();
        for (JsonNode ref : refs) {
            var issue = c.world().jira().issue(c.site().subdomain(), ref.asText())
                    .filter(i -> c.world().jira().project(i.site(), i.project()).filter(c::canBrowse).isPresent());
            if (issue.isEmpty() || !seen.add(issue.get().id())) continue;
            for (ChangeGroup g : issue.get().changelog()) {
                var items = fieldIds.isEmpty() ? g.items()
                        : g.items().stream().filter(it -> fieldIds.contains(it.fieldId()) || fieldIds.contains(it.field())).toList();
                if (!items.isEmpty()) entries.add(new Entry(issue.get(), new ChangeGroup(g.id(), g.author(), g.created(), items)));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.group().created()).thenComparingLong(e -> Long.parseLong(e.issue().id())));
        var page = entries.subList(Math.min(skip, entries.size()), (int) Math.min(entries.size(), (long) skip + max));
        var byIssue = new LinkedHashMap<String, List<Object>>();
        for (Entry e : page) byIssue.computeIfAbsent(e.issue().id(), k -> new ArrayList<>()).add(history(c, e.group()));
        var m = new LinkedHashMap<String, Object>();
        m.put("issueChangeLogs", byIssue.entrySet().stream().map(e -> Map.of("issueId", e.getKey(), "changeHistories", e.getValue())).toList());
        if (skip + page.size() < entries.size()) m.put("nextPageToken", new PageToken(skip + page.size(), hash).encode());
        return m;
    }

    /** {@code expand=changelog}: the latest {@code cap} histories, oldest first, with the page numbers Jira gives. */
    static Map<String, Object> inline(CloudCaller c, Issue issue, int cap) {
        List<ChangeGroup> all = issue.changelog();
        int from = Math.max(0, all.size() - cap);
        var m = new LinkedHashMap<String, Object>();
        m.put("startAt", from);
        m.put("maxResults", all.size() - from);
        m.put("total", all.size());
        m.put("histories", all.subList(from, all.size()).stream().map(g -> history(c, g)).toList());
        return m;
    }

    /** One history: its author (left out for Jira's own changes), time and items. */
    static Map<String, Object> history(CloudCaller c, ChangeGroup g) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", g.id());
        c.world().user(g.author()).ifPresent(u -> m.put("author", JiraJson.user(c, u)));
        m.put("created", JiraJson.time(g.created()));
        m.put("items", g.items().stream().map(ChangelogService::item).toList());
        return m;
    }

    private static Map<String, Object> item(ChangeGroup.Item i) {
        var m = new LinkedHashMap<String, Object>();
        m.put("field", i.field());
        m.put("fieldtype", i.fieldtype());
        if (i.fieldId() != null) m.put("fieldId", i.fieldId());
        m.put("from", i.from());
        m.put("fromString", i.fromString());
        m.put("to", i.to());
        m.put("toString", i.toText());
        return m;
    }
}
