package dev.jirasim.simulator.jira.cloud;

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
 * Issue comments: list (page of 100 by default, {@code orderBy} created), read, add, edit, delete, with visibility
 * restrictions (see {@link Visibilities}: a comment the caller may not see does not exist for them) and
 * {@code expand=renderedBody}. Editing and deleting are for the comment's author and for those with "edit/delete
 * all comments", modelled as site administrators and project administrators.
 */
final class CommentService {
    static final String NOT_FOUND = "Can not find a comment for the id: %s.";

    private CommentService() {
    }

    /** {@code expand} asks for {@code renderedBody}. */
    static boolean rendered(String expand) {
        if (expand == null) return false;
        for (String part : expand.split(",")) if (part.trim().equals("renderedBody")) return true;
        return false;
    }

    static Map<String, Object> page(CloudCaller c, String idOrKey, int startAt, int maxResults, String orderBy, String expand) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (startAt < 0) throw JiraErrors.badRequest("The startAt parameter must not be negative.");
        var all = new ArrayList<>(JiraJson.visibleComments(c, issue));
        Comparator<Comment> byCreated = Comparator.comparing(Comment::created).thenComparingLong(cm -> Long.parseLong(cm.id()));
        if (orderBy != null && !orderBy.isEmpty()) {
            switch (orderBy) {
                case "created", "+created" -> all.sort(byCreated);
                case "-created" -> all.sort(byCreated.reversed());
                // Documented: 400 for any other value; the text is our choice.
                default -> throw JiraErrors.badRequest("The orderBy parameter accepts only created, +created or -created.");
            }
        }
        maxResults = Math.max(0, maxResults);
        int to = (int) Math.min(all.size(), (long) startAt + maxResults);
        var comments = new ArrayList<Object>();
        boolean html = rendered(expand);
        for (Comment cm : all.subList(Math.min(startAt, to), to)) comments.add(JiraJson.comment(c, issue, cm, html));
        var body = new LinkedHashMap<String, Object>();
        body.put("startAt", startAt);
        body.put("maxResults", maxResults);
        body.put("total", all.size());
        body.put("comments", comments);
        return body;
    }

    /** {@code GET /issue/{key}/comment/{id}}: one comment the caller may see. */
    static Map<String, Object> one(CloudCaller c, String idOrKey, String commentId, String expand) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        return JiraJson.comment(c, issue, find(c, issue, commentId), rendered(expand));
    }

    static Map<String, Object> add(CloudCaller c, String idOrKey, JsonNode body, String expand) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        Object adf = body(c, body);
        Visibility visibility = Visibilities.read(c, project(c, issue), body.get("visibility"));
        Instant now = c.world().clock().now();
        long nextId = c.world().jira().allIssues().stream().flatMap(i -> i.comments().stream())
                .mapToLong(cm -> Long.parseLong(cm.id())).max().orElse(10_000) + 1;
        var comment = new Comment(Long.toString(nextId), c.user().accountId(), adf, now, now, visibility, null);
        var comments = new ArrayList<>(issue.comments());
        comments.add(comment);
        Issue updated = c.world().updateIssue(issue, issue.toBuilder().comments(comments).updated(now).build(), c.user().accountId());
        return JiraJson.comment(c, updated, comment, rendered(expand));
    }

    /**
     * {@code PUT /issue/{key}/comment/{id}}: a new body and, when given, a new visibility. Jira answers 400 (the spec) to
     * a caller who may not edit the comment; {@code overrideEditableFlag} is for administrators and apps only.
     */
    static Map<String, Object> update(CloudCaller c, String idOrKey, String commentId, JsonNode body, boolean overrideEditableFlag, String expand) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        Comment comment = find(c, issue, commentId);
        if (overrideEditableFlag) requireOverrideRight(c);
        if (!mayChange(c, issue, comment)) throw JiraErrors.badRequest("You do not have the permission to edit this comment.");
        Object adf = body(c, body);
        Visibility visibility = body.has("visibility") ? Visibilities.read(c, project(c, issue), body.get("visibility")) : comment.visibility();
        Instant now = c.world().clock().now();
        var edited = new Comment(comment.id(), comment.author(), adf, comment.created(), now, visibility, c.user().accountId());
        var comments = new ArrayList<Comment>();
        for (Comment cm : issue.comments()) comments.add(cm.id().equals(comment.id()) ? edited : cm);
        Issue updated = c.world().updateIssue(issue, issue.toBuilder().comments(comments).updated(now).build(), c.user().accountId());
        return JiraJson.comment(c, updated, edited, rendered(expand));
    }

    static void delete(CloudCaller c, String idOrKey, String commentId) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        Comment comment = find(c, issue, commentId);
        if (!mayChange(c, issue, comment)) throw JiraErrors.badRequest("You do not have the permission to delete this comment.");
        var comments = new ArrayList<>(issue.comments());
        comments.removeIf(cm -> cm.id().equals(comment.id()));
        c.world().updateIssue(issue, issue.toBuilder().comments(comments).updated(c.world().clock().now()).build(), c.user().accountId());
    }

    /**
     * {@code overrideEditableFlag=true}: the spec reserves it for Connect/Forge apps acting with Administer Jira. We let
     * site administrators and app accounts use it; anyone else gets 403 (status from the spec's issue edit; text our choice).
     */
    static void requireOverrideRight(CloudCaller c) {
        if (c.user().siteAdmin().contains(c.site().subdomain()) || "app".equals(c.user().accountType())) return;
        throw JiraErrors.message(403, "Only Connect and Forge apps with the Administer Jira permission may use overrideEditableFlag.");
    }

    /** The author (while they may browse the issue), a project administrator, or a site administrator. */
    private static boolean mayChange(CloudCaller c, Issue issue, Comment comment) {
        return c.user().accountId().equals(comment.author()) || c.can(project(c, issue), Permission.ADMINISTER);
    }

    private static Comment find(CloudCaller c, Issue issue, String commentId) {
        return JiraJson.visibleComments(c, issue).stream().filter(cm -> cm.id().equals(commentId)).findFirst()
                .orElseThrow(() -> JiraErrors.message(404, String.format(NOT_FOUND, commentId)));
    }

    private static Project project(CloudCaller c, Issue issue) {
        return c.world().jira().project(issue.site(), issue.project()).orElseThrow();
    }

    /** The comment's body: ADF on v3, a string on v2; blank is Jira's "Comment body can not be empty!". */
    private static Object body(CloudCaller c, JsonNode body) {
        JsonNode text = body == null ? null : body.get("body");
        if (text == null || text.isNull() || (text.isTextual() && text.asText().isBlank())) {
            throw JiraErrors.fields(400, Map.of("comment", "Comment body can not be empty!"));
        }
        Object adf;
        try {
            adf = IssueService.richText(c, "comment", text);
        } catch (IssueService.FieldError e) {
            throw JiraErrors.fields(400, Map.of("comment", e.getMessage()));
        }
        if (Adf.isBlank(adf)) throw JiraErrors.fields(400, Map.of("comment", "Comment body can not be empty!"));
        return adf;
    }
}
