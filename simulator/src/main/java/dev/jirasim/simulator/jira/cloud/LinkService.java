package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueActivity;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Issue links and their types. Both issues hold a link, with one id: the request's {@code inwardIssue} holds it
 * as {@code outward} ("ACME-1 blocks ACME-2"), its {@code outwardIssue} as {@code inward} — Jira's own reading of
 * {@code POST /issueLink}, where the inward issue is the one the outward phrase starts from (atlassian-mcp-server#112
 * reports exactly this on a real site). Permissions, our model of Jira's "Link issues": edit on the request's
 * {@code outwardIssue} (the issue the optional comment goes to), browse on both.
 */
final class LinkService {
    private final IssueService issues = new IssueService();

    static Map<String, Object> linkTypesPage(CloudCaller c) {
        var list = new ArrayList<Object>();
        for (var t : JiraCatalog.LINK_TYPES) list.add(ActivityJson.linkType(c, t));
        return Map.of("issueLinkTypes", list);
    }

    static Map<String, Object> linkType(CloudCaller c, String id) {
        return JiraCatalog.LINK_TYPES.stream().filter(t -> t.id().equals(id)).findFirst().map(t -> ActivityJson.linkType(c, t))
                .orElseThrow(() -> JiraErrors.message(404, "No issue link type with id '" + id + "' found."));
    }

    static boolean browsable(CloudCaller c, Issue issue) {
        return c.world().jira().project(issue.site(), issue.project()).map(c::canBrowse).orElse(false);
    }

    static boolean editable(CloudCaller c, Issue issue) {
        return c.world().jira().project(issue.site(), issue.project()).map(p -> c.can(p, Permission.EDIT)).orElse(false);
    }

    /** {@code POST /issueLink}. Linking the same pair with the same type again changes nothing (Jira answers as if it had). */
    void link(CloudCaller c, JsonNode body) {
        JsonNode typeRef = body.get("type");
        if (typeRef == null || !typeRef.isObject() || !body.path("inwardIssue").isObject() || !body.path("outwardIssue").isObject()) {
            throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        }
        String typeName = typeRef.path("name").isTextual() ? typeRef.get("name").asText() : null;
        String typeId = typeRef.path("id").isValueNode() && !typeRef.path("id").isNull() ? typeRef.get("id").asText() : null;
        if (typeName == null && typeId == null) throw JiraErrors.badRequest("Issue link type name or id must be specified.");
        var type = (typeId != null ? JiraCatalog.LINK_TYPES.stream().filter(t -> t.id().equals(typeId)).findFirst()
                : JiraCatalog.LINK_TYPES.stream().filter(t -> t.name().equalsIgnoreCase(typeName)).findFirst())
                .orElseThrow(() -> JiraErrors.message(404, typeId != null ? "No issue link type with id '" + typeId + "' found."
                        : "No issue link type with name '" + typeName + "' found."));
        Issue from = linked(c, body.get("inwardIssue"));
        Issue to = linked(c, body.get("outwardIssue"));
        if (from.id().equals(to.id())) throw JiraErrors.badRequest("You cannot link an issue to itself."); // our wording
        if (!editable(c, to)) throw JiraErrors.forbidden("link issues in this project");
        JsonNode comment = body.get("comment");
        if (comment != null && !comment.isNull()) {
            if (!comment.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            CommentService.add(c, to.key(), comment, null);
        }
        boolean exists = from.activity().links().stream()
                .anyMatch(l -> l.type().equals(type.name()) && l.direction().equals("outward") && l.issueId().equals(to.id()));
        if (exists) return;
        String id = nextId(c, i -> i.activity().links().stream().map(IssueActivity.Link::id), 10_000);
        var now = c.world().clock().now();
        Issue fromNow = c.world().jira().issue(from.site(), from.id()).orElseThrow();
        c.world().updateIssue(fromNow, withLinks(fromNow, add(fromNow, new IssueActivity.Link(id, type.name(), "outward", to.id()))).updated(now).build(),
                c.user().accountId());
        Issue toNow = c.world().jira().issue(to.site(), to.id()).orElseThrow();
        c.world().updateIssue(toNow, withLinks(toNow, add(toNow, new IssueActivity.Link(id, type.name(), "inward", from.id()))).updated(now).build(),
                c.user().accountId());
    }

    /** {@code GET /issueLink/{id}}: the link with {@code inwardIssue} the issue it starts from, as it was created. */
    Map<String, Object> get(CloudCaller c, String id) {
        var ends = find(c, id);
        var type = JiraCatalog.linkType(ends.link().type()).orElseThrow();
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("self", c.apiBase() + "/issueLink/" + id);
        m.put("type", ActivityJson.linkType(c, type));
        m.put("inwardIssue", ActivityJson.linkedIssue(c, ends.from()));
        m.put("outwardIssue", ActivityJson.linkedIssue(c, ends.to()));
        return m;
    }

    /** {@code DELETE /issueLink/{id}}: edit on either issue (our model of "Link issues"). */
    void delete(CloudCaller c, String id) {
        var ends = find(c, id);
        if (!editable(c, ends.from()) && !editable(c, ends.to())) throw JiraErrors.forbidden("delete links of these issues");
        var now = c.world().clock().now();
        for (Issue end : List.of(ends.from(), ends.to())) {
            Issue current = c.world().jira().issue(end.site(), end.id()).orElseThrow();
            var kept = current.activity().links().stream().filter(l -> !l.id().equals(id)).toList();
            c.world().updateIssue(current, withLinks(current, kept).updated(now).build(), c.user().accountId());
        }
    }

    private record Ends(Issue from, Issue to, IssueActivity.Link link) {
    }

    /** The link's two issues; absent, or either issue hidden from the caller: Jira's 404. */
    private static Ends find(CloudCaller c, String id) {
        var notFound = JiraErrors.message(404, "No issue link with id '" + id + "' exists."); // our wording
        for (Issue i : c.world().jira().issues(c.site().subdomain())) {
            for (IssueActivity.Link l : i.activity().links()) {
                if (!l.id().equals(id) || !l.direction().equals("outward")) continue;
                Issue to = c.world().jira().issue(i.site(), l.issueId()).orElseThrow(() -> notFound);
                if (!browsable(c, i) || !browsable(c, to)) throw notFound;
                return new Ends(i, to, l);
            }
        }
        throw notFound;
    }

    /** An issue named by {@code {key}} or {@code {id}}; absent or hidden is Jira's 404 "Issue Does Not Exist". */
    private static Issue linked(CloudCaller c, JsonNode ref) {
        String key = ref.path("key").isTextual() ? ref.get("key").asText() : ref.path("id").isValueNode() ? ref.path("id").asText(null) : null;
        if (key == null || key.isBlank()) throw JiraErrors.badRequest("Issue key or id must be specified."); // our wording
        return c.world().jira().issue(c.site().subdomain(), key).filter(i -> browsable(c, i))
                .orElseThrow(() -> JiraErrors.message(404, "Issue Does Not Exist"));
    }

    private static List<IssueActivity.Link> add(Issue issue, IssueActivity.Link link) {
        var links = new ArrayList<>(issue.activity().links());
        links.add(link);
        return links;
    }

    private static Issue.Builder withLinks(Issue issue, List<IssueActivity.Link> links) {
        return issue.toBuilder().activity(issue.activity().withLinks(links));
    }

    /** The next id of something issues of the site hold (links, remote links, attachments): one past the largest, at least {@code floor}. */
    static String nextId(CloudCaller c, Function<Issue, Stream<String>> ids, long floor) {
        long max = floor - 1;
        for (Issue i : c.world().jira().allIssues()) {
            for (var it = ids.apply(i).iterator(); it.hasNext(); ) {
                try {
                    max = Math.max(max, Long.parseLong(it.next()));
                } catch (NumberFormatException e) {
                    // ids from a world file that are not numbers do not count
                }
            }
        }
        return Long.toString(max + 1);
    }
}
