package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.IssueActivity;
import dev.jirasim.simulator.world.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attachments: upload, metadata, content, delete, the site's settings. Attaching needs Jira's "Create attachments",
 * modelled as edit on the issue; deleting needs "Delete all attachments" (modelled as delete or administer on the
 * project) or, for one's own file, "Delete own attachments" (modelled as edit).
 */
final class AttachmentService {
    /** Jira's limit on files in one upload (the spec's 413). */
    static final int MAX_FILES = 60;

    private AttachmentService() {
    }

    /** One part of an upload, already read. */
    record Upload(String filename, String contentType, byte[] content) {
    }

    static boolean isImage(IssueActivity.Attachment a) {
        return a.mimeType() != null && a.mimeType().startsWith("image/");
    }

    /** Checks before the body is read: the issue is visible and the caller may attach to it. */
    static Issue uploadTarget(CloudCaller c, String idOrKey) {
        Issue issue = IssueService.visibleIssue(c, idOrKey);
        if (!LinkService.editable(c, issue)) throw JiraErrors.forbidden("create attachments for this issue");
        return issue;
    }

    static List<Object> upload(CloudCaller c, Issue target, List<Upload> files) {
        if (files.isEmpty()) {
            throw JiraErrors.badRequest("No files were attached: send them as multipart/form-data parts named 'file'."); // our wording
        }
        if (files.size() > MAX_FILES) throw JiraErrors.message(413, "At most " + MAX_FILES + " files can be attached at once."); // our wording
        long limit = c.world().jiraSettings().attachmentLimit();
        for (Upload f : files) {
            // The text a Jira server gives a file over the limit (bobcarroll/jira-client#119); the status is the spec's 413.
            if (f.content().length > limit) throw JiraErrors.message(413, "The field file exceeds its maximum permitted size of " + limit + " bytes.");
        }
        Issue issue = c.world().jira().issue(target.site(), target.id()).orElseThrow(JiraErrors::issueNotFound);
        var now = c.world().clock().now();
        long next = Long.parseLong(LinkService.nextId(c, i -> i.activity().attachments().stream().map(IssueActivity.Attachment::id), 10_000));
        var stored = new ArrayList<>(issue.activity().attachments());
        var added = new ArrayList<IssueActivity.Attachment>();
        for (Upload f : files) {
            var a = new IssueActivity.Attachment(Long.toString(next++), f.filename(), c.user().accountId(), now, mimeType(f), f.content());
            stored.add(a);
            added.add(a);
        }
        c.world().updateIssue(issue, issue.toBuilder().activity(issue.activity().withAttachments(stored)).updated(now).build(), c.user().accountId());
        var out = new ArrayList<Object>();
        for (var a : added) out.add(ActivityJson.attachment(c, a));
        return out;
    }

    /** The part's declared type, else a guess from the file name, else bytes. */
    private static String mimeType(Upload f) {
        String declared = f.contentType() == null ? "" : f.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!declared.isEmpty() && !declared.equals("application/octet-stream") && declared.contains("/")) return declared;
        String guessed = java.net.URLConnection.guessContentTypeFromName(f.filename());
        return guessed != null ? guessed : "application/octet-stream";
    }

    record Found(Issue issue, IssueActivity.Attachment attachment) {
    }

    /** An attachment of a visible issue of the site; else the spec's 404 (our wording). */
    static Found find(CloudCaller c, String id) {
        var notFound = JiraErrors.message(404, "The attachment with id '" + id + "' does not exist.");
        if (!id.matches("[0-9]{1,18}")) throw notFound;
        for (Issue i : c.world().jira().issues(c.site().subdomain())) {
            for (var a : i.activity().attachments()) {
                if (!a.id().equals(id)) continue;
                if (!LinkService.browsable(c, i)) throw notFound;
                return new Found(i, a);
            }
        }
        throw notFound;
    }

    static void delete(CloudCaller c, String id) {
        Found f = find(c, id);
        var project = c.world().jira().project(f.issue().site(), f.issue().project()).orElseThrow();
        boolean all = c.can(project, Permission.DELETE) || c.can(project, Permission.ADMINISTER);
        boolean own = c.user().accountId().equals(f.attachment().author()) && c.can(project, Permission.EDIT);
        if (!all && !own) throw JiraErrors.forbidden("delete this attachment");
        Issue issue = f.issue();
        var kept = issue.activity().attachments().stream().filter(a -> !a.id().equals(id)).toList();
        c.world().updateIssue(issue, issue.toBuilder().activity(issue.activity().withAttachments(kept)).updated(c.world().clock().now()).build(),
                c.user().accountId());
    }

    /** {@code AttachmentSettings}. */
    static Map<String, Object> meta(CloudCaller c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("enabled", true);
        m.put("uploadLimit", c.world().jiraSettings().attachmentLimit());
        return m;
    }
}
