package dev.jirasim.simulator.jira.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.common.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Jira Cloud REST through the gateway, under {@code /api/ex/jira/{cloudId}/rest/api/{2|3}}:
 * <pre>
 *   GET|POST   /search/jql                   enhanced search (nextPageToken)
 *   POST       /search/approximate-count
 *   POST       /jql/parse                    parse trees, errors and warnings
 *   GET|POST   /search                       legacy search: 410, or old paging when the world asks
 *   POST       /issue                        create
 *   GET|PUT|DELETE /issue/{idOrKey}
 *   GET|POST   /issue/{idOrKey}/comment
 *   GET|POST   /issue/{idOrKey}/transitions
 *   GET        /myself, /project/search, /serverInfo
 * </pre>
 */
public final class JiraRoutes {
    static final String BASE = "/api/ex/jira/{cloudId}/rest/api/{version}";
    private final Supplier<Tenant> tenant;
    private final Supplier<String> publicUrl;
    private final IssueService issues = new IssueService();
    private final SearchService search;
    private final JqlParseService jqlParse;

    public JiraRoutes(Supplier<Tenant> tenant, Supplier<String> publicUrl) {
        this.tenant = tenant;
        this.publicUrl = publicUrl;
        var engine = new EngineJql();
        this.search = new SearchService(engine);
        this.jqlParse = new JqlParseService(engine);
    }

    public void addTo(RoutesConfig routes) {
        routes.get(BASE + "/search/jql", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:issue-details:jira");
            ctx.contentType("application/json").result(search.enhancedJson(c, SearchRequest.fromQuery(ctx.queryParamMap())));
        });
        routes.post(BASE + "/search/jql", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:issue-details:jira");
            ctx.contentType("application/json").result(search.enhancedJson(c, SearchRequest.fromJson(json(ctx, true))));
        });
        routes.post(BASE + "/search/approximate-count", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:issue-details:jira");
            JsonNode body = json(ctx, true);
            if (!body.isObject() || (body.has("jql") && !body.get("jql").isTextual())) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            ctx.json(search.approximateCount(c, body.path("jql").asText(null)));
        });
        routes.post(BASE + "/jql/parse", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "validate:jql:jira");
            JsonNode body = json(ctx, true);
            if (!body.path("queries").isArray()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            var queries = new java.util.ArrayList<String>();
            for (JsonNode q : body.get("queries")) {
                if (!q.isTextual()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
                queries.add(q.textValue());
            }
            ctx.json(jqlParse.parse(c, queries, ctx.queryParam("validation")));
        });
        routes.get(BASE + "/search", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:issue-details:jira");
            ctx.json(search.legacy(c, ctx.queryParam("jql"), intParam(ctx, "startAt", 0), optionalInt(ctx, "maxResults"),
                    ctx.queryParams("fields"), ctx.queryParam("expand")));
        });
        routes.post(BASE + "/search", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:issue-details:jira");
            JsonNode body = json(ctx, false);
            ctx.json(search.legacy(c, body.path("jql").asText(null), body.path("startAt").asInt(0),
                    body.hasNonNull("maxResults") ? body.get("maxResults").asInt() : null,
                    body.has("fields") && body.get("fields").isArray() ? Json.MAPPER.convertValue(body.get("fields"), List.class) : List.of(),
                    body.path("expand").asText(null)));
        });
        routes.post(BASE + "/issue", ctx -> {
            Caller c = caller(ctx, "write:jira-work", "write:issue:jira");
            ctx.status(201).json(issues.create(c, json(ctx, true)));
        });
        routes.get(BASE + "/issue/{issue}", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:issue-details:jira");
            ctx.json(IssueView.of(c, issues.visible(c, ctx.pathParam("issue")), FieldSelection.parse(ctx.queryParams("fields"), "*all")));
        });
        routes.put(BASE + "/issue/{issue}", ctx -> {
            Caller c = caller(ctx, "write:jira-work", "write:issue:jira");
            var edited = issues.edit(c, ctx.pathParam("issue"), json(ctx, true));
            if ("true".equals(ctx.queryParam("returnIssue"))) ctx.json(IssueView.of(c, edited, FieldSelection.parse(List.of(), "*all")));
            else ctx.status(204).contentType("application/json");
        });
        routes.delete(BASE + "/issue/{issue}", ctx -> {
            Caller c = caller(ctx, "write:jira-work", "delete:issue:jira");
            issues.delete(c, ctx.pathParam("issue"), "true".equals(ctx.queryParam("deleteSubtasks")));
            ctx.status(204);
        });
        routes.get(BASE + "/issue/{issue}/comment", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:issue-details:jira");
            ctx.json(issues.comments(c, ctx.pathParam("issue"), intParam(ctx, "startAt", 0), Math.min(5000, intParam(ctx, "maxResults", 5000))));
        });
        routes.post(BASE + "/issue/{issue}/comment", ctx -> {
            Caller c = caller(ctx, "write:jira-work", "write:issue:jira");
            ctx.status(201).json(issues.addComment(c, ctx.pathParam("issue"), json(ctx, true)));
        });
        routes.get(BASE + "/issue/{issue}/transitions", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:issue-details:jira");
            ctx.json(issues.transitions(c, ctx.pathParam("issue")));
        });
        routes.post(BASE + "/issue/{issue}/transitions", ctx -> {
            Caller c = caller(ctx, "write:jira-work", "write:issue:jira");
            issues.transition(c, ctx.pathParam("issue"), json(ctx, true));
            ctx.status(204).contentType("application/json");
        });
        routes.get(BASE + "/myself", ctx -> {
            Caller c = caller(ctx, "read:jira-user", "read:user:jira");
            ctx.json(Myself.of(c));
        });
        routes.get(BASE + "/project/search", ctx -> {
            Caller c = caller(ctx, "read:jira-work", "read:project:jira");
            ctx.json(ProjectSearch.page(c, ctx.queryParam("query"), ctx.queryParams("keys"), intParam(ctx, "startAt", 0),
                    intParam(ctx, "maxResults", 50), ctx.queryParam("orderBy")));
        });
        routes.get(BASE + "/serverInfo", ctx -> ctx.json(Myself.serverInfo(caller(ctx, null))));
    }

    private Caller caller(Context ctx, String classic, String... granular) {
        Tenant t = tenant.get();
        Caller c = Caller.of(t.world(), ctx.header("Authorization"), ctx.pathParam("cloudId"), ctx.pathParam("version"), publicUrl.get());
        if (classic != null) c.requireScope(classic, granular);
        ctx.header("X-AAccountId", c.user().accountId());
        // The budget is spent only by requests that got past the gateway: a bad token still gets its 401.
        var limiter = t.jiraRateLimiter();
        if (limiter.isPresent()) {
            var decision = limiter.get().tryAcquire(limiter.get().keyFor(c.user().accountId(), c.session().grant().clientId(), c.site().cloudId()));
            decision.headers().forEach(ctx::header);
            if (!decision.allowed()) throw JiraErrors.rateLimited(decision.headers());
        }
        return c;
    }

    /**
     * Reads a JSON body. Without a JSON content type the real service answers 415 in problem+json
     * (measured on {@code /search/jql}); malformed JSON is Jira's "Invalid request payload".
     */
    private static JsonNode json(Context ctx, boolean required) {
        String type = ctx.contentType();
        if (!dev.jirasim.simulator.common.MediaTypes.of(type).equals("application/json")) {
            throw Problem.withBody(415, "unsupported media type", Map.of("title", "Unsupported Media Type",
                    "detail", "Content-Type '" + type + "' is not supported.", "instance", ctx.path().replaceFirst("^/api/ex/jira/[^/]+", "")),
                    Map.of("Content-Type", "application/problem+json"));
        }
        String raw;
        try {
            raw = ctx.body();
        } catch (HttpResponseException e) {
            throw JiraErrors.message(413, "The request body is too large.");
        }
        if (raw.isBlank()) {
            if (required) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            return node;
        } catch (JsonProcessingException e) {
            throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        Integer v = optionalInt(ctx, name);
        return v == null ? fallback : v;
    }

    private static Integer optionalInt(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw JiraErrors.badRequest("The " + name + " parameter must be a number.");
        }
    }
}
