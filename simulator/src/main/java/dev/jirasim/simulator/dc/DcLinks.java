package dev.jirasim.simulator.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueActivity;
import dev.jirasim.simulator.world.JiraCatalog;
import dev.jirasim.simulator.world.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue links on a Data Center instance, stored in {@link IssueActivity#links()} on both issues with one id. In
 * {@code POST /issueLink} the request's {@code inwardIssue} is the issue the outward phrase starts from ("DCP-1
 * blocks DCP-2" for {@code inwardIssue} DCP-1, {@code outwardIssue} DCP-2), as Jira reads it; DCP-1 holds the link
 * as {@code outward}, DCP-2 as {@code inward}. The link types are the four a new DC instance has, with their ids.
 *
 * <p>Permissions, our model of DC's "Link Issues": Edit on the request's {@code outwardIssue} (creating) or on either
 * issue (deleting), Browse on both. The statuses are the document's: 401 without the link permission, 404 for an
 * issue, type or link the caller cannot find.
 */
final class DcLinks {
    /** The link types of a new DC instance. */
    record LinkType(String id, String name, String inward, String outward) {
    }

    static final List<LinkType> TYPES = List.of(new LinkType("10000", "Blocks", "is blocked by", "blocks"),
            new LinkType("10001", "Cloners", "is cloned by", "clones"), new LinkType("10002", "Duplicate", "is duplicated by", "duplicates"),
            new LinkType("10003", "Relates", "relates to", "relates to"));

    private DcLinks() {
    }

    static Optional<LinkType> type(String nameOrId) {
        return TYPES.stream().filter(t -> t.id().equals(nameOrId) || t.name().equalsIgnoreCase(nameOrId)).findFirst();
    }

    static Map<String, Object> typeJson(String base, LinkType t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("inward", t.inward());
        m.put("outward", t.outward());
        m.put("self", base + "/rest/api/2/issueLinkType/" + t.id());
        return m;
    }

    /** {@code GET /issueLinkType}: {@code {"issueLinkTypes": […]}}. */
    static Map<String, Object> types(DcCaller c) {
        return Map.of("issueLinkTypes", TYPES.stream().map(t -> typeJson(c.base(), t)).toList());
    }

    static Map<String, Object> typeById(DcCaller c, String id) {
        return type(id).filter(t -> t.id().equals(id)).map(t -> typeJson(c.base(), t))
                .orElseThrow(() -> DcErrors.rest(404, "No issue link type with id '" + id + "' found."));
    }

    /** The other issue as a link shows it: id, key, self and four fields. */
    static Map<String, Object> issueRef(DcCaller c, Issue i) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", i.id());
        m.put("key", i.key());
        m.put("self", c.base() + "/rest/api/2/issue/" + i.id());
        var f = new LinkedHashMap<String, Object>();
        f.put("summary", i.summary());
        f.put("status", DcCatalogJson.status(c.base(), JiraCatalog.status(i.status()).orElseThrow()));
        f.put("priority", DcCatalogJson.priority(c.base(), JiraCatalog.priority(i.priority()).orElseThrow()));
        f.put("issuetype", DcCatalogJson.issueType(c.base(), JiraCatalog.issueType(i.issueType()).orElseThrow()));
        m.put("fields", f);
        return m;
    }

    /** The issue's {@code issuelinks} field: each link whose other issue the caller may browse. */
    static List<Object> field(DcCaller c, Issue issue) {
        var list = new ArrayList<Object>();
        for (IssueActivity.Link l : issue.activity().links()) {
            var other = c.dc().jira().issue(issue.site(), l.issueId()).filter(i -> browsable(c, i));
            var type = type(l.type());
            if (other.isEmpty() || type.isEmpty()) continue;
            var m = new LinkedHashMap<String, Object>();
            m.put("id", l.id());
            m.put("self", c.base() + "/rest/api/2/issueLink/" + l.id());
            m.put("type", typeJson(c.base(), type.get()));
            m.put(l.direction().equals("outward") ? "outwardIssue" : "inwardIssue", issueRef(c, other.get()));
            list.add(m);
        }
        return list;
    }

    static boolean browsable(DcCaller c, Issue i) {
        return c.dc().jira().project(i.site(), i.project()).map(p -> c.can(p, Permission.BROWSE)).orElse(false);
    }

    static boolean editable(DcCaller c, Issue i) {
        return c.dc().jira().project(i.site(), i.project()).map(p -> c.can(p, Permission.EDIT)).orElse(false);
    }

    /** {@code POST /issueLink} (201, no body). Linking the same pair with the same type again changes nothing. */
    static void link(DcCaller c, JsonNode body) {
        if (body == null || !body.isObject()) throw DcErrors.rest(400, "The request body must be a JSON object.");
        JsonNode typeRef = body.get("type");
        if (typeRef == null || !typeRef.isObject()) throw DcErrors.rest(400, "Issue link type name or id must be specified."); // our wording
        String name = typeRef.path("name").isTextual() ? typeRef.get("name").asText() : null;
        String typeId = typeRef.path("id").isValueNode() && !typeRef.path("id").isNull() ? typeRef.get("id").asText() : null;
        if (name == null && typeId == null) throw DcErrors.rest(400, "Issue link type name or id must be specified.");
        LinkType type = (typeId != null ? TYPES.stream().filter(t -> t.id().equals(typeId)).findFirst()
                : TYPES.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst())
                .orElseThrow(() -> DcErrors.rest(404, typeId != null ? "No issue link type with id '" + typeId + "' found."
                        : "No issue link type with name '" + name + "' found."));
        Issue from = end(c, body.get("inwardIssue"));
        Issue to = end(c, body.get("outwardIssue"));
        if (!editable(c, to)) throw DcErrors.rest(401, "No Link Issue Permission for issue '" + to.key() + "'.");
        if (from.id().equals(to.id())) throw DcErrors.rest(400, "You cannot link an issue to itself."); // our wording
        JsonNode comment = body.get("comment");
        if (comment != null && !comment.isNull()) {
            if (!comment.isObject()) throw DcErrors.rest(400, "The comment must be a JSON object with a body.");
            DcComments.add(c, to.key(), comment);
        }
        if (from.activity().links().stream().anyMatch(l -> l.type().equals(type.name()) && l.direction().equals("outward") && l.issueId().equals(to.id()))) {
            return;
        }
        String id = DcHistory.nextId(c, c.dc().jira().issues(c.site()).stream().flatMap(i -> i.activity().links().stream()).map(IssueActivity.Link::id));
        var now = c.world().clock().now();
        Issue fromNow = current(c, from);
        DcHistory.save(c, fromNow, withLinks(fromNow, added(fromNow, new IssueActivity.Link(id, type.name(), "outward", to.id()))).updated(now).build());
        Issue toNow = current(c, to);
        DcHistory.save(c, toNow, withLinks(toNow, added(toNow, new IssueActivity.Link(id, type.name(), "inward", from.id()))).updated(now).build());
    }

    /** {@code GET /issueLink/{id}}: {@code inwardIssue} the issue the outward phrase starts from, as it was created. */
    static Map<String, Object> get(DcCaller c, String id) {
        var ends = find(c, id);
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("self", c.base() + "/rest/api/2/issueLink/" + id);
        m.put("type", typeJson(c.base(), type(ends.link().type()).orElseThrow()));
        m.put("inwardIssue", issueRef(c, ends.from()));
        m.put("outwardIssue", issueRef(c, ends.to()));
        return m;
    }

    static void delete(DcCaller c, String id) {
        var ends = find(c, id);
        if (!editable(c, ends.from()) && !editable(c, ends.to())) {
            throw DcErrors.rest(401, "No Link Issue Permission for issue '" + ends.from().key() + "'.");
        }
        var now = c.world().clock().now();
        for (Issue end : List.of(ends.from(), ends.to())) {
            Issue now2 = current(c, end);
            DcHistory.save(c, now2, withLinks(now2, now2.activity().links().stream().filter(l -> !l.id().equals(id)).toList()).updated(now).build());
        }
    }

    private record Ends(Issue from, Issue to, IssueActivity.Link link) {
    }

    /** The link's two issues; absent, or either issue hidden: the document's 404 (text our wording). */
    private static Ends find(DcCaller c, String id) {
        var notFound = DcErrors.rest(404, "No issue link with id '" + id + "' exists.");
        for (Issue i : c.dc().jira().issues(c.site())) {
            for (IssueActivity.Link l : i.activity().links()) {
                if (!l.id().equals(id) || !l.direction().equals("outward")) continue;
                Issue to = c.dc().jira().issue(i.site(), l.issueId()).orElseThrow(() -> notFound);
                if (!browsable(c, i) || !browsable(c, to) || type(l.type()).isEmpty()) throw notFound;
                return new Ends(i, to, l);
            }
        }
        throw notFound;
    }

    /** An issue named by {@code {"key"}} or {@code {"id"}}; absent or hidden is DC's 404 "Issue Does Not Exist". */
    private static Issue end(DcCaller c, JsonNode ref) {
        if (ref == null || !ref.isObject()) throw DcErrors.rest(400, "Both inwardIssue and outwardIssue must be given, by key or id."); // our wording
        String key = ref.path("key").isTextual() ? ref.get("key").asText() : ref.path("id").isValueNode() && !ref.path("id").isNull() ? ref.get("id").asText() : null;
        if (key == null || key.isBlank()) throw DcErrors.rest(400, "Both inwardIssue and outwardIssue must be given, by key or id.");
        return c.dc().jira().issue(c.site(), key).filter(i -> browsable(c, i)).orElseThrow(() -> DcErrors.rest(404, "Issue Does Not Exist"));
    }

    private static Issue current(DcCaller c, Issue i) {
        return c.dc().jira().issue(i.site(), i.id()).orElseThrow();
    }

    private static List<IssueActivity.Link> added(Issue i, IssueActivity.Link l) {
        var list = new ArrayList<>(i.activity().links());
        list.add(l);
        return list;
    }

    private static Issue.Builder withLinks(Issue i, List<IssueActivity.Link> links) {
        IssueActivity a = i.activity();
        return i.toBuilder().activity(new IssueActivity(a.worklogs(), a.timeTracking(), links, a.remoteLinks(), a.watchers(), a.voters(), a.attachments()));
    }
}
