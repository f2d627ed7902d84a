package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.MediaTypes;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.world.IssueActivity;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The handlers of links, remote links, watchers, votes, attachments and bulk operations (their routes are listed in
 * {@link JiraRoutes}). Each parses, calls its service, renders.
 */
final class ActivityRoutes {
    private final JiraRoutes jira;
    private final LinkService links = new LinkService();
    private final BulkService bulk = new BulkService();

    ActivityRoutes(JiraRoutes jira) {
        this.jira = jira;
    }

    // ---- issue links ------------------------------------------------------------------------------------

    void linkTypes(Context ctx) {
        ctx.json(LinkService.linkTypesPage(jira.caller(ctx, JiraScopes.READ_LINK_TYPES)));
    }

    void linkType(Context ctx) {
        ctx.json(LinkService.linkType(jira.caller(ctx, JiraScopes.READ_LINK_TYPES), ctx.pathParam("id")));
    }

    /** The spec says 201; a real site answered 200 with an empty body (reference jira-cloud-more §2.3): we follow the site. */
    void link(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.LINK_ISSUES);
        links.link(c, JiraRoutes.json(ctx, true));
        ctx.status(200).contentType("application/json");
    }

    void getLink(Context ctx) {
        ctx.json(links.get(jira.caller(ctx, JiraScopes.READ_LINK), ctx.pathParam("id")));
    }

    /** The spec lists 200 and 204; we answer 204. */
    void deleteLink(Context ctx) {
        links.delete(jira.caller(ctx, JiraScopes.DELETE_LINK), ctx.pathParam("id"));
        ctx.status(204).contentType("application/json");
    }

    // ---- remote links -----------------------------------------------------------------------------------

    void remoteLinks(Context ctx) {
        ctx.json(RemoteLinkService.list(jira.caller(ctx, JiraScopes.READ_REMOTE_LINKS), ctx.pathParam("issue"), ctx.queryParam("globalId")));
    }

    void remoteLink(Context ctx) {
        ctx.json(RemoteLinkService.get(jira.caller(ctx, JiraScopes.READ_REMOTE_LINKS), ctx.pathParam("issue"), ctx.pathParam("id")));
    }

    void writeRemoteLink(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.WRITE_REMOTE_LINK);
        var written = RemoteLinkService.createOrUpdate(c, ctx.pathParam("issue"), JiraRoutes.json(ctx, true));
        ctx.status(written.created() ? 201 : 200).json(written.body());
    }

    void updateRemoteLink(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.UPDATE_REMOTE_LINK);
        RemoteLinkService.update(c, ctx.pathParam("issue"), ctx.pathParam("id"), JiraRoutes.json(ctx, true));
        ctx.status(204).contentType("application/json");
    }

    void deleteRemoteLink(Context ctx) {
        RemoteLinkService.delete(jira.caller(ctx, JiraScopes.DELETE_REMOTE_LINK), ctx.pathParam("issue"), ctx.pathParam("id"));
        ctx.status(204).contentType("application/json");
    }

    void deleteRemoteLinkByGlobalId(Context ctx) {
        RemoteLinkService.deleteByGlobalId(jira.caller(ctx, JiraScopes.DELETE_REMOTE_LINK), ctx.pathParam("issue"), ctx.queryParam("globalId"));
        ctx.status(204).contentType("application/json");
    }

    // ---- watchers and votes -----------------------------------------------------------------------------

    void watchers(Context ctx) {
        ctx.json(WatcherService.watchers(jira.caller(ctx, JiraScopes.READ_WATCHERS), ctx.pathParam("issue")));
    }

    /** The body is a JSON string (an account id) or nothing at all (the caller). */
    void addWatcher(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.WRITE_WATCHERS);
        String raw = body(ctx);
        String accountId = null;
        if (!raw.isBlank()) {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(raw);
            } catch (JsonProcessingException e) {
                throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            }
            if (node == null || !node.isTextual()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            accountId = node.asText();
        }
        WatcherService.addWatcher(c, ctx.pathParam("issue"), accountId);
        ctx.status(204).contentType("application/json");
    }

    void removeWatcher(Context ctx) {
        WatcherService.removeWatcher(jira.caller(ctx, JiraScopes.WRITE_WATCHERS), ctx.pathParam("issue"), ctx.queryParam("accountId"));
        ctx.status(204).contentType("application/json");
    }

    void votes(Context ctx) {
        ctx.json(WatcherService.votes(jira.caller(ctx, JiraScopes.READ_VOTES), ctx.pathParam("issue")));
    }

    void vote(Context ctx) {
        WatcherService.vote(jira.caller(ctx, JiraScopes.WRITE_VOTES), ctx.pathParam("issue"));
        ctx.status(204).contentType("application/json");
    }

    void unvote(Context ctx) {
        WatcherService.unvote(jira.caller(ctx, JiraScopes.WRITE_VOTES), ctx.pathParam("issue"));
        ctx.status(204).contentType("application/json");
    }

    // ---- attachments ------------------------------------------------------------------------------------

    /**
     * Multipart with parts named {@code file}. Jira's XSRF filter refuses a form-like body (multipart, url-encoded,
     * plain text) without {@code X-Atlassian-Token: no-check} (or the deprecated {@code nocheck}) with a plain-text
     * 403 "XSRF check failed" (jira.js#100, pycontribs/jira#44); any other body type is a 415.
     */
    void upload(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.WRITE_ATTACHMENTS);
        String type = MediaTypes.of(ctx.contentType());
        boolean formLike = type.startsWith("multipart/") || type.equals("application/x-www-form-urlencoded") || type.equals("text/plain");
        String token = ctx.header("X-Atlassian-Token");
        boolean noCheck = token != null && (token.trim().equalsIgnoreCase("no-check") || token.trim().equalsIgnoreCase("nocheck"));
        if (formLike && !noCheck) {
            ctx.status(403).contentType("text/plain;charset=UTF-8").result("XSRF check failed");
            return;
        }
        if (!type.equals("multipart/form-data")) throw JiraRoutes.unsupported(ctx);
        var target = AttachmentService.uploadTarget(c, ctx.pathParam("issue"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > JiraRoutes.MAX_UPLOAD_BYTES) throw tooLarge(c);
        var files = new ArrayList<AttachmentService.Upload>();
        try {
            for (var f : ctx.uploadedFiles("file")) {
                if (f.size() > c.world().jiraSettings().attachmentLimit()) throw tooLarge(c);
                try (var in = f.content()) {
                    files.add(new AttachmentService.Upload(f.filename() == null || f.filename().isBlank() ? "file" : f.filename(), f.contentType(),
                            in.readAllBytes()));
                }
            }
        } catch (Problem p) {
            throw p;
        } catch (HttpResponseException e) {
            throw tooLarge(c);
        } catch (Exception e) {
            // Jetty refuses a broken or oversized multipart body with an exception of its own.
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("size") || m.contains("large") || m.contains("exceed")) throw tooLarge(c);
            throw JiraErrors.badRequest("The multipart body could not be read."); // our wording
        }
        ctx.json(AttachmentService.upload(c, target, files));
    }

    private static Problem tooLarge(CloudCaller c) {
        return JiraErrors.message(413, "The field file exceeds its maximum permitted size of " + c.world().jiraSettings().attachmentLimit() + " bytes.");
    }

    void attachment(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.READ_ATTACHMENT);
        ctx.json(ActivityJson.attachmentMetadata(c, AttachmentService.find(c, ctx.pathParam("id")).attachment()));
    }

    /**
     * Jira answers 303 to a signed media URL unless {@code redirect=false}; the simulator redirects to this same
     * route with {@code redirect=false} (same host, so the client's credentials go along), which serves the bytes
     * with the file's type. Range requests (206) are not simulated.
     */
    void content(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.READ_ATTACHMENT_CONTENT);
        IssueActivity.Attachment a = AttachmentService.find(c, ctx.pathParam("id")).attachment();
        if (!"false".equalsIgnoreCase(ctx.queryParam("redirect"))) {
            ctx.status(303).header("Location", c.apiBase() + "/attachment/content/" + a.id() + "?redirect=false");
            return;
        }
        ctx.status(200).contentType(a.mimeType() == null ? "application/octet-stream" : a.mimeType()).result(a.content());
    }

    /** Thumbnails are not generated: an honest 404 in Jira's shape (the spec's answer when none can be had). */
    void thumbnail(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.READ_ATTACHMENT_CONTENT);
        AttachmentService.find(c, ctx.pathParam("id"));
        throw JiraErrors.message(404, "Thumbnails are not simulated: fetch the attachment's content instead.");
    }

    void deleteAttachment(Context ctx) {
        AttachmentService.delete(jira.caller(ctx, JiraScopes.DELETE_ATTACHMENT), ctx.pathParam("id"));
        ctx.status(204).contentType("application/json");
    }

    void attachmentMeta(Context ctx) {
        ctx.json(AttachmentService.meta(jira.caller(ctx, JiraScopes.READ_ATTACHMENT_META)));
    }

    // ---- bulk -------------------------------------------------------------------------------------------

    void bulkCreate(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.BULK_CREATE);
        var result = bulk.create(c, JiraRoutes.json(ctx, true));
        ctx.status(result.status()).json(result.body());
    }

    void bulkFetch(Context ctx) {
        CloudCaller c = jira.caller(ctx, JiraScopes.BULK_FETCH);
        ctx.json(bulk.fetch(c, JiraRoutes.json(ctx, true)));
    }

    /** The body as text, whatever its type (a watcher's account id comes as a bare JSON string). */
    private static String body(Context ctx) {
        if (ctx.req().getContentLengthLong() > dev.jirasim.simulator.common.Limits.MAX_REQUEST_BYTES) {
            throw JiraErrors.message(413, "The request body is too large.");
        }
        try {
            return ctx.body();
        } catch (HttpResponseException e) {
            throw JiraErrors.message(413, "The request body is too large.");
        }
    }
}
