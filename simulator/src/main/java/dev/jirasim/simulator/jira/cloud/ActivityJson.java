package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueActivity;
import dev.jirasim.simulator.world.JiraCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jira's JSON for what gathers on an issue: issue links and their types, remote links, watchers, votes and
 * attachments, as the issue fields ({@code issuelinks}, {@code watches}, {@code votes}, {@code attachment}) and
 * their own resources write them. Member names follow the v3 spec.
 */
final class ActivityJson {
    private ActivityJson() {
    }

    static Map<String, Object> linkType(CloudCaller c, JiraCatalog.IssueLinkType t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("inward", t.inward());
        m.put("outward", t.outward());
        m.put("self", c.apiBase() + "/issueLinkType/" + t.id());
        return m;
    }

    /** {@code LinkedIssue}: the other issue with the four fields Jira embeds. */
    static Map<String, Object> linkedIssue(CloudCaller c, Issue other) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", other.id());
        m.put("key", other.key());
        m.put("self", c.apiBase() + "/issue/" + other.id());
        var fields = new LinkedHashMap<String, Object>();
        fields.put("summary", other.summary());
        fields.put("status", JiraJson.status(c, other.status()));
        fields.put("priority", JiraJson.priority(c, other.priority()));
        fields.put("issuetype", JiraJson.issueType(c, JiraJson.typeOf(c, other)));
        m.put("fields", fields);
        return m;
    }

    /**
     * The {@code issuelinks} field: each link as this issue sees it. A link this issue holds as {@code outward}
     * ("this issue blocks ACME-2") names the other issue as {@code outwardIssue}. Links to issues the caller may not
     * browse, or that are gone, are left out, as Jira does.
     */
    static List<Object> issueLinks(CloudCaller c, Issue issue) {
        var out = new ArrayList<Object>();
        for (IssueActivity.Link link : issue.activity().links()) {
            var other = c.world().jira().issue(issue.site(), link.issueId()).filter(o -> LinkService.browsable(c, o));
            var type = JiraCatalog.linkType(link.type());
            if (other.isEmpty() || type.isEmpty()) continue;
            var m = new LinkedHashMap<String, Object>();
            m.put("id", link.id());
            m.put("self", c.apiBase() + "/issueLink/" + link.id());
            m.put("type", linkType(c, type.get()));
            m.put(link.direction().equals("outward") ? "outwardIssue" : "inwardIssue", linkedIssue(c, other.get()));
            out.add(m);
        }
        return out;
    }

    /** The {@code watches} field. */
    static Map<String, Object> watches(CloudCaller c, Issue issue) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/issue/" + issue.key() + "/watchers");
        m.put("watchCount", issue.activity().watchers().size());
        m.put("isWatching", issue.activity().watchers().contains(c.user().accountId()));
        return m;
    }

    /** The {@code votes} field. */
    static Map<String, Object> votes(CloudCaller c, Issue issue) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/issue/" + issue.key() + "/votes");
        m.put("votes", issue.activity().voters().size());
        m.put("hasVoted", issue.activity().voters().contains(c.user().accountId()));
        return m;
    }

    /** {@code Attachment}, as the {@code attachment} field and the upload's answer list it (id a string). */
    static Map<String, Object> attachment(CloudCaller c, IssueActivity.Attachment a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.apiBase() + "/attachment/" + a.id());
        m.put("id", a.id());
        m.put("filename", a.filename());
        m.put("author", JiraJson.user(c, c.world().user(a.author()).orElse(null)));
        m.put("created", JiraJson.time(a.created()));
        m.put("size", a.size());
        m.put("mimeType", a.mimeType());
        m.put("content", c.apiBase() + "/attachment/content/" + a.id());
        if (AttachmentService.isImage(a)) m.put("thumbnail", c.apiBase() + "/attachment/thumbnail/" + a.id());
        return m;
    }

    /** {@code AttachmentMetadata} ({@code GET /attachment/{id}}): the id as a number, and an empty {@code properties}. */
    static Map<String, Object> attachmentMetadata(CloudCaller c, IssueActivity.Attachment a) {
        var m = attachment(c, a);
        m.put("id", Long.parseLong(a.id()));
        m.put("properties", Map.of());
        return m;
    }

    static List<Object> attachments(CloudCaller c, Issue issue) {
        var out = new ArrayList<Object>();
        for (var a : issue.activity().attachments()) out.add(attachment(c, a));
        return out;
    }

    /** {@code RemoteIssueLink}. */
    static Map<String, Object> remoteLink(CloudCaller c, Issue issue, IssueActivity.RemoteLink r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", Long.parseLong(r.id()));
        m.put("self", c.apiBase() + "/issue/" + issue.key() + "/remotelink/" + r.id());
        if (r.globalId() != null) m.put("globalId", r.globalId());
        if (r.application() != null) m.put("application", r.application());
        if (r.relationship() != null) m.put("relationship", r.relationship());
        var object = new LinkedHashMap<String, Object>();
        object.put("url", r.url());
        object.put("title", r.title());
        if (r.summary() != null) object.put("summary", r.summary());
        if (r.icon() != null) object.put("icon", r.icon());
        if (r.status() != null) object.put("status", r.status());
        m.put("object", object);
        return m;
    }
}
