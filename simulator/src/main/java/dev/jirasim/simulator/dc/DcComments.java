package dev.jirasim.simulator.dc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.world.Adf;
import dev.jirasim.simulator.world.Comment;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueActivity.Visibility;
import dev.jirasim.simulator.world.Permission;
import dev.jirasim.simulator.world.Project;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments on a Data Center issue: v2 string bodies (wiki markup, kept as sent), paged lists, visibility
 * restrictions ({@link DcVisibility}: a comment the caller may not see does not exist for them).
 *
 * <p>Permissions, our model of DC's: adding needs Browse (DC's "Add Comments", granted with browsing in the
 * default scheme); editing or deleting needs to be the comment's author ("Edit/Delete Own Comments") or a project
 * administrator ("Edit/Delete All Comments"; instance administrators hold every project permission). DC answers
 * 400 to a caller without the right (the spec lists only 400 for PUT and DELETE). Comments leave no changelog
 * entry, as on Jira; they do move the issue's {@code updated}.
 */
final class DcComments {
    static final String NOT_FOUND = "Can not find a comment for the id: %s.";
    static final int DEFAULT_MAX = 50;

    private DcComments() {
    }

    static Map<String, Object> json(DcCaller c, Issue issue, Comment cm) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", c.base() + "/rest/api/2/issue/" + issue.id() + "/comment/" + cm.id());
        m.put("id", cm.id());
        person(c, cm.author()).ifPresent(a -> m.put("author", a));
        m.put("body", text(cm.body()));
        person(c, cm.lastEditor()).ifPresent(a -> m.put("updateAuthor", a));
        m.put("created", DcJson.TIME.format(cm.created()));
        m.put("updated", DcJson.TIME.format(cm.updated() == null ? cm.created() : cm.updated()));
        if (cm.visibility() != null) m.put("visibility", DcVisibility.render(cm.visibility()));
        return m;
    }

    /** A body as v2 writes it: strings as stored; an ADF tree (a world file's comment) as its text. */
    static String text(Object body) {
        return body == null ? "" : body instanceof String s ? s : Adf.toText(body);
    }

    private static java.util.Optional<Map<String, Object>> person(DcCaller c, String key) {
        return key == null ? java.util.Optional.empty() : c.dc().instance().user(key).map(u -> DcJson.user(c.base(), u, false));
    }

    /** The comments the caller may see, oldest first. */
    static List<Comment> visible(DcCaller c, Issue issue) {
        if (issue.comments().stream().allMatch(cm -> cm.visibility() == null)) return issue.comments();
        Project p = project(c, issue);
        return issue.comments().stream().filter(cm -> DcVisibility.canSee(c, p, cm.visibility())).toList();
    }

    /** The issue's {@code comment} field: every comment the caller may see. */
    static Map<String, Object> field(DcCaller c, Issue issue) {
        var shown = visible(c, issue);
        var list = new ArrayList<Object>();
        for (Comment cm : shown) list.add(json(c, issue, cm));
        var m = new LinkedHashMap<String, Object>();
        m.put("comments", list);
        m.put("maxResults", shown.size());
        m.put("total", shown.size());
        m.put("startAt", 0);
        return m;
    }

    /** {@code GET /issue/{key}/comment}: {@code orderBy} {@code created} or {@code -created} (the text for others is our choice). */
    static Map<String, Object> page(DcCaller c, String idOrKey, Integer startAt, Integer maxResults, String orderBy) {
        Issue issue = DcRestService.visible(c, idOrKey);
        int start = startAt == null ? 0 : startAt;
        int max = maxResults == null ? DEFAULT_MAX : Math.max(0, maxResults);
        if (start < 0) throw DcErrors.rest(400, "startAt must not be negative.");
        var all = new ArrayList<>(visible(c, issue));
        Comparator<Comment> byCreated = Comparator.comparing(Comment::created).thenComparingLong(cm -> Long.parseLong(cm.id()));
        if (orderBy != null && !orderBy.isEmpty()) {
            switch (orderBy) {
                case "created", "+created" -> all.sort(byCreated);
                case "-created" -> all.sort(byCreated.reversed());
                default -> throw DcErrors.rest(400, "The orderBy parameter accepts only created, +created or -created.");
            }
        }
        var comments = new ArrayList<Object>();
        for (Comment cm : dev.jirasim.simulator.common.LegacySearchPage.slice(all, start, max)) comments.add(json(c, issue, cm));
        var body = new LinkedHashMap<String, Object>();
        body.put("startAt", start);
        body.put("maxResults", max);
        body.put("total", all.size());
        body.put("comments", comments);
        return body;
    }

    static Map<String, Object> one(DcCaller c, String idOrKey, String commentId) {
        Issue issue = DcRestService.visible(c, idOrKey);
        return json(c, issue, find(c, issue, commentId));
    }

    static Map<String, Object> add(DcCaller c, String idOrKey, JsonNode body) {
        Issue issue = DcRestService.visible(c, idOrKey);
        String text = body(body);
        Visibility visibility = DcVisibility.read(c, project(c, issue), body.get("visibility"));
        Instant now = c.world().clock().now();
        var comment = new Comment(nextId(c), c.user().accountId(), text, now, now, visibility, null);
        var comments = new ArrayList<>(issue.comments());
        comments.add(comment);
        Issue updated = DcHistory.save(c, issue, issue.toBuilder().comments(comments).updated(now).build());
        return json(c, updated, comment);
    }

    /** {@code PUT /issue/{key}/comment/{id}}: a new body and, when given, a new visibility. */
    static Map<String, Object> update(DcCaller c, String idOrKey, String commentId, JsonNode body) {
        Issue issue = DcRestService.visible(c, idOrKey);
        Comment comment = find(c, issue, commentId);
        if (!mayChange(c, issue, comment)) throw DcErrors.rest(400, "You do not have the permission to edit this comment.");
        String text = body(body);
        Visibility visibility = body.has("visibility") ? DcVisibility.read(c, project(c, issue), body.get("visibility")) : comment.visibility();
        Instant now = c.world().clock().now();
        var edited = new Comment(comment.id(), comment.author(), text, comment.created(), now, visibility, c.user().accountId());
        var comments = new ArrayList<Comment>();
        for (Comment cm : issue.comments()) comments.add(cm.id().equals(comment.id()) ? edited : cm);
        Issue updated = DcHistory.save(c, issue, issue.toBuilder().comments(comments).updated(now).build());
        return json(c, updated, edited);
    }

    static void delete(DcCaller c, String idOrKey, String commentId) {
        Issue issue = DcRestService.visible(c, idOrKey);
        Comment comment = find(c, issue, commentId);
        if (!mayChange(c, issue, comment)) throw DcErrors.rest(400, "You do not have the permission to delete this comment.");
        var comments = new ArrayList<>(issue.comments());
        comments.removeIf(cm -> cm.id().equals(comment.id()));
        DcHistory.save(c, issue, issue.toBuilder().comments(comments).updated(c.world().clock().now()).build());
    }

    private static boolean mayChange(DcCaller c, Issue issue, Comment comment) {
        return c.user().accountId().equals(comment.author()) || c.can(project(c, issue), Permission.ADMINISTER);
    }

    private static Comment find(DcCaller c, Issue issue, String commentId) {
        return visible(c, issue).stream().filter(cm -> cm.id().equals(commentId)).findFirst()
                .orElseThrow(() -> DcErrors.rest(404, String.format(NOT_FOUND, commentId)));
    }

    static Project project(DcCaller c, Issue issue) {
        return c.dc().jira().project(issue.site(), issue.project()).orElseThrow();
    }

    /** The body: a string (v2 has no ADF); blank is Jira's "Comment body can not be empty!". */
    private static String body(JsonNode body) {
        if (body == null || !body.isObject()) throw DcErrors.rest(400, "The request body must be a JSON object.");
        JsonNode text = body.get("body");
        if (text != null && !text.isNull() && !text.isTextual()) throw DcErrors.fields(Map.of("comment", "Operation value must be a string"));
        if (text == null || text.isNull() || text.asText().isBlank()) throw DcErrors.fields(Map.of("comment", "Comment body can not be empty!"));
        return text.asText();
    }

    /** The next comment id of the instance: above every comment id it holds, never one given before. */
    private static String nextId(DcCaller c) {
        return DcHistory.nextId(c, c.dc().jira().issues(c.site()).stream().flatMap(i -> i.comments().stream()).map(Comment::id));
    }
}
