package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.atlassian.resources.RequiredScope;
import io.javalin.http.Context;

/**
 * The handlers of Jira's dynamic webhook API (routes listed in {@link JiraRoutes}; logic in {@link WebhookService}).
 * The API is in the v3 document only, so under {@code /rest/api/2} these paths do not exist. Each operation needs
 * both classic scopes {@code read:jira-work} and {@code manage:jira-webhook}, or its granular set (A.1): two checks,
 * each satisfied by its classic scope or by the granular set.
 */
final class WebhookRoutes {
    private static final String[] REGISTER = {"read:field:jira", "read:project:jira", "write:webhook:jira"};
    private static final String[] LIST = {"read:webhook:jira", "read:jql:jira"};
    private static final String[] DELETE = {"delete:webhook:jira"};
    private static final String[] REFRESH = {"write:webhook:jira", "read:webhook:jira"};
    private static final String[] FAILED = {"read:issue-details:jira", "read:webhook:jira", "read:comment.property:jira", "read:group:jira",
        "read:issue-type:jira", "read:project-role:jira", "read:epic:jira-software"};
    private final JiraRoutes jira;

    WebhookRoutes(JiraRoutes jira) {
        this.jira = jira;
    }

    void register(Context ctx) {
        CloudCaller c = caller(ctx, REGISTER);
        ctx.json(WebhookService.register(c, JiraRoutes.json(ctx, true)));
    }

    void list(Context ctx) {
        CloudCaller c = caller(ctx, LIST);
        ctx.json(WebhookService.list(c, JiraRoutes.intParam(ctx, "startAt", 0), JiraRoutes.intParam(ctx, "maxResults", 100)));
    }

    /** 202 with no body, as the document says. */
    void delete(Context ctx) {
        CloudCaller c = caller(ctx, DELETE);
        WebhookService.delete(c, JiraRoutes.json(ctx, true));
        ctx.status(202);
    }

    void refresh(Context ctx) {
        CloudCaller c = caller(ctx, REFRESH);
        ctx.json(WebhookService.refresh(c, JiraRoutes.json(ctx, true)));
    }

    void failed(Context ctx) {
        ctx.json(WebhookService.failed(caller(ctx, FAILED)));
    }

    private CloudCaller caller(Context ctx, String[] granular) {
        if (!ctx.pathParam("version").equals("3")) throw JiraErrors.message(404, "No such endpoint: " + ctx.method() + " " + ctx.path()); // our wording
        CloudCaller c = jira.caller(ctx, RequiredScope.of("read:jira-work", granular));
        c.requireScope(RequiredScope.of("manage:jira-webhook", granular));
        return c;
    }
}
