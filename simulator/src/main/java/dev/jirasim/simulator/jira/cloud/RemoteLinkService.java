package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueActivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links from an issue to things outside Jira. A {@code POST} whose {@code globalId} an existing link of the issue
 * has updates that link (200) instead of adding one (201), as the spec says. Writing needs Jira's "Link issues",
 * modelled as edit on the issue. Remote links are not written to the changelog here (Jira writes a
 * {@code RemoteIssueLink} item; not simulated).
 */
final class RemoteLinkService {
    private RemoteLinkService() {
    }

    /** All the issue's remote links, or with {@code globalId} the one link (404 when none has it). */
    static Object list(CloudCaller c, String idOrKey, String globalId) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (globalId != null) {
            return issue.activity().remoteLinks().stream().filter(r -> globalId.equals(r.globalId())).findFirst()
                    .map(r -> (Object) ActivityJson.remoteLink(c, issue, r))
                    .orElseThrow(() -> JiraErrors.message(404, "No remote issue link with globalId '" + globalId + "' exists.")); // our wording
        }
        var out = new ArrayList<Object>();
        for (var r : issue.activity().remoteLinks()) out.add(ActivityJson.remoteLink(c, issue, r));
        return out;
    }

    static Map<String, Object> get(CloudCaller c, String idOrKey, String linkId) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        return ActivityJson.remoteLink(c, issue, find(c, issue, linkId));
    }

    /** Created (true) or updated; the answer's {@code {id, self}} either way. */
    record Written(boolean created, Map<String, Object> body) {
    }

    static Written createOrUpdate(CloudCaller c, String idOrKey, JsonNode body) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        requireEdit(c, issue);
        String globalId = text(body, "globalId");
        var existing = globalId == null ? null : issue.activity().remoteLinks().stream().filter(r -> globalId.equals(r.globalId())).findFirst().orElse(null);
        String id = existing != null ? existing.id() : LinkService.nextId(c, i -> i.activity().remoteLinks().stream().map(IssueActivity.RemoteLink::id), 10_000);
        store(c, issue, existing, read(id, body));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("id", Long.parseLong(id));
        answer.put("self", c.apiBase() + "/issue/" + issue.key() + "/remotelink/" + id);
        return new Written(existing == null, answer);
    }

    static void update(CloudCaller c, String idOrKey, String linkId, JsonNode body) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        var existing = find(c, issue, linkId);
        requireEdit(c, issue);
        store(c, issue, existing, read(existing.id(), body));
    }

    static void delete(CloudCaller c, String idOrKey, String linkId) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        var existing = find(c, issue, linkId);
        requireEdit(c, issue);
        store(c, issue, existing, null);
    }

    static void deleteByGlobalId(CloudCaller c, String idOrKey, String globalId) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (globalId == null || globalId.isEmpty()) throw JiraErrors.badRequest("A globalId must be provided."); // our wording
        var existing = issue.activity().remoteLinks().stream().filter(r -> globalId.equals(r.globalId())).findFirst()
                .orElseThrow(() -> JiraErrors.message(404, "No remote issue link with globalId '" + globalId + "' exists."));
        requireEdit(c, issue);
        store(c, issue, existing, null);
    }

    private static void requireEdit(CloudCaller c, Issue issue) {
        if (!LinkService.editable(c, issue)) throw JiraErrors.forbidden("link issues");
    }

    /** Replaces {@code old} (null: none) by {@code next} (null: none). */
    private static void store(CloudCaller c, Issue issue, IssueActivity.RemoteLink old, IssueActivity.RemoteLink next) {
        var links = new ArrayList<IssueActivity.RemoteLink>();
        boolean placed = false;
        for (var r : issue.activity().remoteLinks()) {
            if (old != null && r.id().equals(old.id())) {
                if (next != null) links.add(next);
                placed = true;
            } else {
                links.add(r);
            }
        }
        if (!placed && next != null) links.add(next);
        c.world().updateIssue(issue, issue.toBuilder().activity(issue.activity().withRemoteLinks(links)).updated(c.world().clock().now()).build(),
                c.user().accountId());
    }

    /** The link of this issue with this id: another issue's is the spec's 400, none at all a 404 (our wordings). */
    private static IssueActivity.RemoteLink find(CloudCaller c, Issue issue, String linkId) {
        if (!linkId.matches("[0-9]{1,18}")) throw JiraErrors.badRequest("The remote issue link id '" + linkId + "' is not valid.");
        var own = issue.activity().remoteLinks().stream().filter(r -> r.id().equals(linkId)).findFirst();
        if (own.isPresent()) return own.get();
        boolean elsewhere = c.world().jira().issues(issue.site()).stream().anyMatch(i -> i.activity().remoteLinks().stream().anyMatch(r -> r.id().equals(linkId)));
        if (elsewhere) throw JiraErrors.badRequest("The remote issue link with id '" + linkId + "' does not belong to issue " + issue.key() + ".");
        throw JiraErrors.message(404, "No remote issue link with id '" + linkId + "' exists.");
    }

    /** {@code RemoteIssueLinkRequest}: {@code object.url} and {@code object.title} are required (the spec's 400 texts). */
    private static IssueActivity.RemoteLink read(String id, JsonNode body) {
        JsonNode object = body.get("object");
        var errors = new LinkedHashMap<String, String>();
        if (object != null && !object.isNull() && !object.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        String url = object == null ? null : text(object, "url");
        String title = object == null ? null : text(object, "title");
        if (title == null || title.isBlank()) errors.put("title", "'title' is required.");
        if (url == null || url.isBlank()) errors.put("url", "'url' is required.");
        for (String member : List.of("globalId", "relationship")) {
            if (body.has(member) && !body.get(member).isNull() && !body.get(member).isTextual()) errors.put(member, "'" + member + "' must be a string.");
        }
        if (object != null && object.has("summary") && !object.get("summary").isNull() && !object.get("summary").isTextual()) {
            errors.put("summary", "'summary' must be a string.");
        }
        if (!errors.isEmpty()) throw JiraErrors.fields(400, errors);
        return new IssueActivity.RemoteLink(id, text(body, "globalId"), url, title, text(object, "summary"), text(body, "relationship"),
                plain(body.get("application")), plain(object.get("icon")), plain(object.get("status")));
    }

    private static String text(JsonNode node, String member) {
        JsonNode v = node == null ? null : node.get(member);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** An object member as plain values; anything but an object is left out. */
    private static Object plain(JsonNode node) {
        return node != null && node.isObject() ? Json.MAPPER.convertValue(node, Map.class) : null;
    }
}
