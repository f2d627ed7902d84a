package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.ChangeGroup;
import dev.jirasim.simulator.world.Comment;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of Jira's webhook deliveries (webhooks.md A.7): the issue as {@code GET /rest/api/2/issue} shows it (site
 * host {@code self} links, strings for rich text), rendered for {@code viewer}, the user who registered the webhook.
 */
final class WebhookPayloads {
    /** What comment events show of their issue: a reduced set of fields (which ones exactly is unconfirmed, A.7). */
    private static final FieldSelection COMMENT_ISSUE_FIELDS = FieldSelection.parse(
            List.of("summary,status,priority,issuetype,assignee,project"), "*all");
    private static final FieldSelection ALL = FieldSelection.parse(List.of(), "*all");

    private WebhookPayloads() {
    }

    /**
     * {@code jira:issue_created}, {@code jira:issue_updated} (with {@code changelog} when the edit wrote one and
     * {@code comment} when it touched one) and {@code jira:issue_deleted}.
     */
    static Map<String, Object> issueEvent(CloudCaller viewer, String event, String typeName, Instant at, Issue issue, User actor,
                                          ChangeGroup change, Comment comment, List<Long> ids) {
        var m = new LinkedHashMap<String, Object>();
        m.put("timestamp", at.toEpochMilli());
        m.put("webhookEvent", event);
        m.put("issue_event_type_name", typeName);
        m.put("user", actor(viewer, actor));
        m.put("issue", IssueView.of(viewer, issue, ALL));
        if (change != null) m.put("changelog", changelog(change));
        if (comment != null) m.put("comment", JiraJson.comment(viewer, issue, comment));
        m.put("matchedWebhookIds", ids);
        return m;
    }

    /** {@code comment_created}, {@code comment_updated}, {@code comment_deleted}: the comment and a reduced issue; no {@code user} (our choice, A.7). */
    static Map<String, Object> commentEvent(CloudCaller viewer, String event, Instant at, Issue issue, Comment comment, List<Long> ids) {
        var m = new LinkedHashMap<String, Object>();
        m.put("timestamp", at.toEpochMilli());
        m.put("webhookEvent", event);
        m.put("comment", JiraJson.comment(viewer, issue, comment));
        var shown = new LinkedHashMap<>(IssueView.of(viewer, issue, COMMENT_ISSUE_FIELDS));
        shown.remove("expand");
        m.put("issue", shown);
        m.put("matchedWebhookIds", ids);
        return m;
    }

    /** The actor: Jira's user without {@code emailAddress}, {@code locale}, {@code groups} or {@code applicationRoles} (A.7). */
    private static Map<String, Object> actor(CloudCaller viewer, User actor) {
        if (actor == null) return null;
        var m = new LinkedHashMap<>(JiraJson.user(viewer, actor));
        m.remove("emailAddress");
        return m;
    }

    /** {@code {id, items: [{field, fieldtype, fieldId?, from, fromString, to, toString}]}}: nulls written, as Jira writes them. */
    private static Map<String, Object> changelog(ChangeGroup change) {
        var items = new ArrayList<Object>();
        for (ChangeGroup.Item i : change.items()) {
            var item = new LinkedHashMap<String, Object>();
            item.put("field", i.field());
            item.put("fieldtype", i.fieldtype());
            if (i.fieldId() != null) item.put("fieldId", i.fieldId());
            item.put("from", i.from());
            item.put("fromString", i.fromString());
            item.put("to", i.to());
            item.put("toString", i.toText());
            items.add(item);
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("id", change.id());
        m.put("items", items);
        return m;
    }
}
