package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.EstimateAdjustment;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.atlassian.resources.RequiredScope;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.common.QueryStrings;
import dev.jirasim.simulator.tenant.Tenant;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
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
 *   GET|POST   /issue/{idOrKey}/comment, GET|PUT|DELETE /issue/{idOrKey}/comment/{id}
 *   GET|POST   /issue/{idOrKey}/worklog, GET|PUT|DELETE /issue/{idOrKey}/worklog/{id}
 *   GET        /worklog/updated, /worklog/deleted; POST /worklog/list
 *   GET|POST   /issue/{idOrKey}/transitions
 *   GET        /myself, /project/search, /serverInfo
 *   GET        /issueLinkType[/{id}];  POST /issueLink;  GET|DELETE /issueLink/{id}
 *   GET|POST|DELETE /issue/{idOrKey}/remotelink;  GET|PUT|DELETE /issue/{idOrKey}/remotelink/{id}
 *   GET|POST|DELETE /issue/{idOrKey}/watchers, /issue/{idOrKey}/votes
 *   POST       /issue/{idOrKey}/attachments (multipart);  GET /attachment/meta, /attachment/{id}, /attachment/content/{id}
 *   DELETE     /attachment/{id};  POST /issue/bulk, /issue/bulkfetch
 *   POST|GET|DELETE /webhook;  PUT /webhook/refresh;  GET /webhook/failed   dynamic webhooks (v3 only)
 * </pre>
 * Every route is also served on the site host, {@code https://{subdomain}.atlassian.net}, under
 * {@code /site/{subdomain}/rest/api/{2|3}} (same handlers, see {@link BothHosts}), with Basic API-token callers
 * ({@link SiteAuth}); plus {@code GET /site/{subdomain}/_edge/tenant_info}.
 */
public final class JiraRoutes {
    static final String BASE = "/api/ex/jira/{cloudId}/rest/api/{version}";
    static final String SITE = "/site/{subdomain}";
    static final String SITE_BASE = SITE + "/rest/api/{version}";
    /**
     * Routes of the site host a caller without accepted credentials may use, as anonymous: the searches (a failed
     * login there is a 200 anonymous result, jira-cloud-more.md §1.2), serverInfo and plain reads of issues and
     * projects (a failed login on a project read is a 404). Every other route needs a user: 401.
     */
    private static final java.util.regex.Pattern ANONYMOUS_OK = java.util.regex.Pattern.compile(
            "(GET|POST) /search(/jql|/approximate-count)?|GET /project/search|GET /serverInfo|GET /issue/[^/]+|GET /project/[^/]+"
                    + "|GET /project|GET /issue/[^/]+/(comment|worklog|transitions)");
    /** The largest upload body read at all: the most a world may allow per file, and room for the multipart framing. */
    static final long MAX_UPLOAD_BYTES = dev.jirasim.simulator.common.Limits.MAX_UPLOAD_BYTES;
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

    public void addTo(RoutesConfig config) {
        var routes = new BothHosts(config);
        config.get(SITE + "/_edge/tenant_info", this::tenantInfo);
        routes.get(BASE + "/search/jql", this::searchByQueryString);
        routes.post(BASE + "/search/jql", this::searchByBody);
        routes.post(BASE + "/search/approximate-count", this::approximateCount);
        routes.post(BASE + "/jql/parse", this::parseJql);
        routes.get(BASE + "/search", this::legacySearchByQueryString);
        routes.post(BASE + "/search", this::legacySearchByBody);
        routes.post(BASE + "/issue", this::createIssue);
        // Before /issue/{issue}, which would take "createmeta" for an issue key.
        routes.get(BASE + "/issue/createmeta", this::legacyCreateMeta);
        routes.get(BASE + "/issue/createmeta/{project}/issuetypes", this::createMetaIssueTypes);
        routes.get(BASE + "/issue/createmeta/{project}/issuetypes/{issueType}", this::createMetaFields);
        routes.get(BASE + "/issue/{issue}/editmeta", this::editMeta);
        routes.get(BASE + "/issue/{issue}", this::getIssue);
        routes.put(BASE + "/issue/{issue}", this::editIssue);
        routes.delete(BASE + "/issue/{issue}", this::deleteIssue);
        // History: the changelog of one issue, histories by id, and across issues.
        routes.get(BASE + "/issue/{issue}/changelog", ctx -> ctx.json(ChangelogService.page(caller(ctx, JiraScopes.READ_CHANGELOG),
                ctx.pathParam("issue"), intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", ChangelogService.PAGE))));
        routes.post(BASE + "/issue/{issue}/changelog/list", ctx -> ctx.json(ChangelogService.list(caller(ctx, JiraScopes.READ_CHANGELOG),
                ctx.pathParam("issue"), json(ctx, true))));
        routes.post(BASE + "/changelog/bulkfetch", ctx -> ctx.json(ChangelogService.bulk(caller(ctx, JiraScopes.READ_CHANGELOG), json(ctx, true))));
        routes.put(BASE + "/issue/{issue}/assignee", this::assignIssue);
        routes.get(BASE + "/mypermissions", ctx -> ctx.json(PermissionService.mine(caller(ctx, JiraScopes.READ_PERMISSIONS), ctx.queryParam("projectKey"),
                ctx.queryParam("projectId"), ctx.queryParam("issueKey"), ctx.queryParam("issueId"), ctx.queryParam("permissions"))));
        routes.get(BASE + "/label", ctx -> ctx.json(MetadataService.labels(caller(ctx, JiraScopes.READ_LABELS), intParam(ctx, "startAt", 0),
                intParam(ctx, "maxResults", 1000))));
        // Comments and worklogs (CommentService, WorklogService): one block, so parallel work merges cleanly.
        routes.get(BASE + "/issue/{issue}/comment", ctx -> ctx.json(CommentService.page(caller(ctx, JiraScopes.READ_COMMENT),
                ctx.pathParam("issue"), intParam(ctx, "startAt", 0), Math.min(5000, intParam(ctx, "maxResults", 100)), ctx.queryParam("orderBy"),
                ctx.queryParam("expand"))));
        routes.post(BASE + "/issue/{issue}/comment", ctx -> ctx.status(201).json(CommentService.add(caller(ctx, JiraScopes.ADD_COMMENT),
                ctx.pathParam("issue"), json(ctx, true), ctx.queryParam("expand"))));
        routes.get(BASE + "/issue/{issue}/comment/{id}", ctx -> ctx.json(CommentService.one(caller(ctx, JiraScopes.READ_COMMENT),
                ctx.pathParam("issue"), ctx.pathParam("id"), ctx.queryParam("expand"))));
        routes.put(BASE + "/issue/{issue}/comment/{id}", ctx -> ctx.json(CommentService.update(caller(ctx, JiraScopes.UPDATE_COMMENT),
                ctx.pathParam("issue"), ctx.pathParam("id"), json(ctx, true), flag(ctx, "overrideEditableFlag"), ctx.queryParam("expand"))));
        routes.delete(BASE + "/issue/{issue}/comment/{id}", ctx -> {
            CommentService.delete(caller(ctx, JiraScopes.DELETE_COMMENT), ctx.pathParam("issue"), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.get(BASE + "/issue/{issue}/worklog", ctx -> ctx.json(WorklogService.page(caller(ctx, JiraScopes.READ_WORKLOGS),
                ctx.pathParam("issue"), intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 5000), optionalLong(ctx, "startedAfter"),
                optionalLong(ctx, "startedBefore"))));
        routes.post(BASE + "/issue/{issue}/worklog", ctx -> ctx.status(201).json(WorklogService.add(caller(ctx, JiraScopes.ADD_WORKLOG),
                ctx.pathParam("issue"), json(ctx, true), adjust(ctx), flag(ctx, "overrideEditableFlag"))));
        routes.get(BASE + "/issue/{issue}/worklog/{id}", ctx -> ctx.json(WorklogService.one(caller(ctx, JiraScopes.READ_WORKLOG),
                ctx.pathParam("issue"), ctx.pathParam("id"))));
        routes.put(BASE + "/issue/{issue}/worklog/{id}", ctx -> ctx.json(WorklogService.update(caller(ctx, JiraScopes.UPDATE_WORKLOG),
                ctx.pathParam("issue"), ctx.pathParam("id"), json(ctx, true), adjust(ctx), flag(ctx, "overrideEditableFlag"))));
        routes.delete(BASE + "/issue/{issue}/worklog/{id}", ctx -> {
            WorklogService.delete(caller(ctx, JiraScopes.DELETE_WORKLOG), ctx.pathParam("issue"), ctx.pathParam("id"), adjust(ctx),
                    flag(ctx, "overrideEditableFlag"));
            ctx.status(204);
        });
        routes.get(BASE + "/worklog/updated", ctx -> ctx.json(WorklogService.updatedSince(caller(ctx, JiraScopes.WORKLOGS_CHANGED),
                since(ctx))));
        routes.get(BASE + "/worklog/deleted", ctx -> ctx.json(WorklogService.deletedSince(caller(ctx, JiraScopes.WORKLOGS_CHANGED),
                since(ctx))));
        routes.post(BASE + "/worklog/list", ctx -> ctx.json(WorklogService.byIds(caller(ctx, JiraScopes.LIST_WORKLOGS), json(ctx, true))));
        // End of comments and worklogs.
        routes.get(BASE + "/issue/{issue}/transitions", this::getTransitions);
        routes.post(BASE + "/issue/{issue}/transitions", this::transition);
        routes.get(BASE + "/myself", this::myself);
        routes.get(BASE + "/project/search", this::searchProjects);
        routes.get(BASE + "/serverInfo", this::serverInfo);
        // The site's schema and people.
        routes.get(BASE + "/project", this::listProjects);
        routes.get(BASE + "/project/{project}", this::getProject);
        routes.post(BASE + "/project", this::createProject);
        routes.put(BASE + "/project/{project}", this::updateProject);
        routes.delete(BASE + "/project/{project}", this::deleteProject);
        routes.post(BASE + "/project/{project}/delete", this::deleteProjectAsync);
        routes.post(BASE + "/project/{project}/restore", this::restoreProject);
        routes.get(BASE + "/task/{task}", ctx -> ctx.json(ProjectService.task(caller(ctx, JiraScopes.READ_TASK), ctx.pathParam("task"))));
        routes.get(BASE + "/project/{project}/components", ctx -> ctx.json(ProjectService.components(caller(ctx, JiraScopes.READ_COMPONENTS),
                ctx.pathParam("project"))));
        routes.get(BASE + "/project/{project}/versions", ctx -> ctx.json(ProjectService.versions(caller(ctx, JiraScopes.READ_VERSIONS),
                ctx.pathParam("project"))));
        routes.get(BASE + "/component/{id}", ctx -> ctx.json(ProjectService.component(caller(ctx, JiraScopes.READ_COMPONENTS), ctx.pathParam("id"))));
        routes.get(BASE + "/version/{id}", ctx -> ctx.json(ProjectService.version(caller(ctx, JiraScopes.READ_VERSIONS), ctx.pathParam("id"))));
        routes.get(BASE + "/issuetype", ctx -> ctx.json(MetadataService.issueTypes(caller(ctx, JiraScopes.READ_ISSUE_TYPES))));
        routes.get(BASE + "/issuetype/project", this::issueTypesOfProject);
        routes.get(BASE + "/issuetype/{id}", ctx -> ctx.json(MetadataService.issueType(caller(ctx, JiraScopes.READ_ISSUE_TYPES), ctx.pathParam("id"))));
        routes.get(BASE + "/priority", ctx -> ctx.json(MetadataService.priorities(caller(ctx, JiraScopes.READ_PRIORITIES))));
        // Before /priority/{id}, which would take "search" for an id.
        routes.get(BASE + "/priority/search", this::searchPriorities);
        routes.get(BASE + "/priority/{id}", ctx -> ctx.json(MetadataService.priority(caller(ctx, JiraScopes.READ_PRIORITIES), ctx.pathParam("id"))));
        routes.get(BASE + "/status", ctx -> ctx.json(MetadataService.statuses(caller(ctx, JiraScopes.READ_STATUSES))));
        routes.get(BASE + "/status/{idOrName}", ctx -> ctx.json(MetadataService.status(caller(ctx, JiraScopes.READ_STATUSES), ctx.pathParam("idOrName"))));
        routes.get(BASE + "/statuscategory", ctx -> ctx.json(MetadataService.statusCategories(caller(ctx, JiraScopes.READ_STATUSES))));
        routes.get(BASE + "/statuscategory/{idOrKey}", ctx -> ctx.json(MetadataService.statusCategory(caller(ctx, JiraScopes.READ_STATUSES),
                ctx.pathParam("idOrKey"))));
        routes.get(BASE + "/resolution", ctx -> ctx.json(MetadataService.resolutions(caller(ctx, JiraScopes.READ_RESOLUTIONS))));
        routes.get(BASE + "/resolution/{id}", ctx -> ctx.json(MetadataService.resolution(caller(ctx, JiraScopes.READ_RESOLUTIONS), ctx.pathParam("id"))));
        routes.get(BASE + "/field", this::fields);
        routes.get(BASE + "/field/search", this::searchFields);
        routes.get(BASE + "/statuses/search", this::searchStatuses);
        routes.get(BASE + "/project/{project}/statuses", ctx -> ctx.json(SchemaSearchService.projectStatuses(
                caller(ctx, JiraScopes.READ_PROJECT_STATUSES), ctx.pathParam("project"))));
        routes.get(BASE + "/customFieldOption/{id}", ctx -> ctx.json(MetadataService.customFieldOption(caller(ctx, JiraScopes.READ_FIELD_OPTIONS),
                ctx.pathParam("id"))));
        routes.get(BASE + "/universal_avatar/view/type/{type}/avatar/{id}", this::avatar);
        routes.get(BASE + "/user", ctx -> ctx.json(UserService.user(caller(ctx, JiraScopes.READ_USER), ctx.queryParam("accountId"),
                ctx.queryParam("expand"))));
        routes.get(BASE + "/user/bulk", this::usersInBulk);
        routes.get(BASE + "/user/search", this::searchUsers);
        routes.get(BASE + "/users/search", this::listUsers);
        routes.get(BASE + "/users", this::listUsers);
        routes.get(BASE + "/user/assignable/search", this::assignableUsers);
        routes.get(BASE + "/user/groups", ctx -> ctx.json(GroupService.userGroups(caller(ctx, JiraScopes.READ_USER_GROUPS), ctx.queryParam("accountId"))));
        routes.get(BASE + "/group", ctx -> ctx.json(GroupService.group(caller(ctx, JiraScopes.READ_GROUP), ctx.queryParam("groupId"),
                ctx.queryParam("groupname"))));
        routes.get(BASE + "/group/member", this::groupMembers);
        routes.get(BASE + "/groups/picker", ctx -> ctx.json(GroupService.picker(caller(ctx, JiraScopes.READ_USER_GROUPS), ctx.queryParam("query"),
                intParam(ctx, "maxResults", 20))));
        routes.get(BASE + "/groupuserpicker", ctx -> ctx.json(GroupService.usersAndGroups(caller(ctx, JiraScopes.PICK_GROUPS_AND_USERS),
                ctx.queryParam("query"), intParam(ctx, "maxResults", 50))));
        // ---- Issue links, remote links, watchers, votes, attachments, bulk (issue 17; handlers in ActivityRoutes) ----
        var a = new ActivityRoutes(this);
        routes.get(BASE + "/issueLinkType", a::linkTypes);
        routes.get(BASE + "/issueLinkType/{id}", a::linkType);
        routes.post(BASE + "/issueLink", a::link);
        routes.get(BASE + "/issueLink/{id}", a::getLink);
        routes.delete(BASE + "/issueLink/{id}", a::deleteLink);
        routes.get(BASE + "/issue/{issue}/remotelink", a::remoteLinks);
        routes.post(BASE + "/issue/{issue}/remotelink", a::writeRemoteLink);
        routes.delete(BASE + "/issue/{issue}/remotelink", a::deleteRemoteLinkByGlobalId);
        routes.get(BASE + "/issue/{issue}/remotelink/{id}", a::remoteLink);
        routes.put(BASE + "/issue/{issue}/remotelink/{id}", a::updateRemoteLink);
        routes.delete(BASE + "/issue/{issue}/remotelink/{id}", a::deleteRemoteLink);
        routes.get(BASE + "/issue/{issue}/watchers", a::watchers);
        routes.post(BASE + "/issue/{issue}/watchers", a::addWatcher);
        routes.delete(BASE + "/issue/{issue}/watchers", a::removeWatcher);
        routes.get(BASE + "/issue/{issue}/votes", a::votes);
        routes.post(BASE + "/issue/{issue}/votes", a::vote);
        routes.delete(BASE + "/issue/{issue}/votes", a::unvote);
        routes.post(BASE + "/issue/{issue}/attachments", a::upload);
        // Before /attachment/{id}, which would take "meta" for an id.
        routes.get(BASE + "/attachment/meta", a::attachmentMeta);
        routes.get(BASE + "/attachment/content/{id}", a::content);
        routes.get(BASE + "/attachment/thumbnail/{id}", a::thumbnail);
        routes.get(BASE + "/attachment/{id}", a::attachment);
        routes.delete(BASE + "/attachment/{id}", a::deleteAttachment);
        routes.post(BASE + "/issue/bulk", a::bulkCreate);
        routes.post(BASE + "/issue/bulkfetch", a::bulkFetch);
        // ---- Dynamic webhooks for apps (issue 19; handlers in WebhookRoutes, v3 only) ----
        var w = new WebhookRoutes(this);
        routes.post(BASE + "/webhook", w::register);
        routes.get(BASE + "/webhook", w::list);
        routes.delete(BASE + "/webhook", w::delete);
        routes.put(BASE + "/webhook/refresh", w::refresh);
        routes.get(BASE + "/webhook/failed", w::failed);
    }

    // ---- search ----------------------------------------------------------------------------------------

    private void searchByQueryString(Context ctx) throws JsonProcessingException {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.contentType("application/json").result(search.enhancedJson(c, SearchRequest.fromQuery(QueryStrings.parse(ctx.queryString(), ctx.characterEncoding()))));
    }

    private void searchByBody(Context ctx) throws JsonProcessingException {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.contentType("application/json").result(search.enhancedJson(c, SearchRequest.fromJson(json(ctx, true))));
    }

    private void approximateCount(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        JsonNode body = json(ctx, true);
        if (!body.isObject() || (body.has("jql") && !body.get("jql").isTextual())) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        ctx.json(search.approximateCount(c, body.path("jql").asText(null)));
    }

    private void parseJql(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.VALIDATE_JQL);
        JsonNode body = json(ctx, true);
        if (!body.path("queries").isArray()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
        var queries = new ArrayList<String>();
        for (JsonNode q : body.get("queries")) {
            if (!q.isTextual()) throw JiraErrors.badRequest(SearchRequest.INVALID_PAYLOAD);
            queries.add(q.textValue());
        }
        ctx.json(jqlParse.parse(c, queries, ctx.queryParam("validation")));
    }

    private void legacySearchByQueryString(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.json(search.legacy(c, ctx.queryParam("jql"), intParam(ctx, "startAt", 0), optionalInt(ctx, "maxResults"),
                ctx.queryParams("fields"), ctx.queryParam("expand")));
    }

    private void legacySearchByBody(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        JsonNode body = json(ctx, false);
        ctx.json(search.legacy(c, body.path("jql").asText(null), body.path("startAt").asInt(0),
                body.hasNonNull("maxResults") ? body.get("maxResults").asInt() : null,
                body.has("fields") && body.get("fields").isArray() ? Json.MAPPER.convertValue(body.get("fields"), List.class) : List.of(),
                body.path("expand").asText(null)));
    }

    // ---- issues ----------------------------------------------------------------------------------------

    private void createIssue(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.WRITE_ISSUES);
        ctx.status(201).json(issues.create(c, json(ctx, true)));
    }

    private void getIssue(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.json(IssueView.of(c, issues.visible(c, ctx.pathParam("issue")), FieldSelection.parse(ctx.queryParams("fields"), "*all"),
                IssueView.Expand.parse(String.join(",", ctx.queryParams("expand")))));
    }

    private void editIssue(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.WRITE_ISSUES);
        // Only Connect and Forge apps of Jira administrators may override screens; a 3LO app never may.
        for (String flag : List.of("overrideScreenSecurity", "overrideEditableFlag")) {
            if ("true".equalsIgnoreCase(ctx.queryParam(flag))) {
                throw JiraErrors.message(403, flag + " is only available to Connect and Forge apps of users with the Administer Jira permission.");
            }
        }
        // notifyUsers=false is ignored without the rights to ask for it, as Jira does; the simulator sends no e-mail either way.
        var edited = issues.edit(c, ctx.pathParam("issue"), json(ctx, true));
        if ("true".equals(ctx.queryParam("returnIssue"))) {
            ctx.json(IssueView.of(c, edited, FieldSelection.parse(List.of(), "*all"), IssueView.Expand.parse(String.join(",", ctx.queryParams("expand")))));
        } else {
            ctx.status(204).contentType("application/json");
        }
    }

    private void assignIssue(Context ctx) {
        issues.assign(caller(ctx, JiraScopes.WRITE_ISSUES), ctx.pathParam("issue"), json(ctx, true));
        ctx.status(204).contentType("application/json");
    }

    private void deleteIssue(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.DELETE_ISSUES);
        issues.delete(c, ctx.pathParam("issue"), "true".equals(ctx.queryParam("deleteSubtasks")));
        ctx.status(204);
    }

    private void getTransitions(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.json(issues.transitions(c, ctx.pathParam("issue")));
    }

    private void transition(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.WRITE_ISSUES);
        issues.transition(c, ctx.pathParam("issue"), json(ctx, true));
        ctx.status(204).contentType("application/json");
    }

    // ---- people, projects, the instance --------------------------------------------------------------

    private void myself(Context ctx) {
        ctx.json(Myself.of(caller(ctx, JiraScopes.READ_USERS), ctx.queryParam("expand")));
    }

    private void searchProjects(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_PROJECTS);
        ctx.json(ProjectService.page(c, ctx.queryParam("query"), ctx.queryParams("keys"), intParam(ctx, "startAt", 0),
                intParam(ctx, "maxResults", 50), ctx.queryParam("orderBy"), ctx.queryParams("status")));
    }

    private void legacyCreateMeta(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.json(IssueMetaService.legacy(c, csv(ctx, "projectIds"), csv(ctx, "projectKeys"), csv(ctx, "issuetypeIds"),
                csv(ctx, "issuetypeNames"), String.join(",", ctx.queryParams("expand"))));
    }

    private void createMetaIssueTypes(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.json(IssueMetaService.issueTypes(c, ctx.pathParam("project"), intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 50)));
    }

    private void createMetaFields(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.json(IssueMetaService.fields(c, ctx.pathParam("project"), ctx.pathParam("issueType"), intParam(ctx, "startAt", 0),
                intParam(ctx, "maxResults", 50)));
    }

    private void editMeta(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUES);
        ctx.json(IssueMetaService.editmeta(c, issues.visible(c, ctx.pathParam("issue"))));
    }

    /** A list parameter sent repeated or comma-separated (jira.js and Nango's SDK join arrays with commas). */
    private static List<String> csv(Context ctx, String name) {
        var out = new ArrayList<String>();
        for (String v : ctx.queryParams(name)) for (String part : v.split(",")) if (!part.isBlank()) out.add(part.trim());
        return out;
    }

    // ---- the site's schema and people ------------------------------------------------------------------

    private void listProjects(Context ctx) {
        ctx.json(ProjectService.all(caller(ctx, JiraScopes.READ_PROJECT)));
    }

    private void getProject(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_PROJECT);
        ctx.json(ProjectService.details(c, ctx.pathParam("project"), ctx.queryParam("expand")));
    }

    private void createProject(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.CREATE_PROJECT);
        ctx.status(201).json(ProjectService.create(c, json(ctx, true)));
    }

    private void updateProject(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.UPDATE_PROJECT);
        ctx.json(ProjectService.update(c, ctx.pathParam("project"), json(ctx, true), ctx.queryParam("expand")));
    }

    private void deleteProject(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.DELETE_PROJECT);
        ProjectService.delete(c, ctx.pathParam("project"), ctx.queryParam("enableUndo"));
        ctx.status(204);
    }

    private void deleteProjectAsync(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.DELETE_PROJECT_ASYNC);
        Map<String, Object> task = ProjectService.deleteAsync(c, ctx.pathParam("project"));
        ctx.header("Location", (String) task.get("self"));
        ctx.status(303).json(task);
    }

    private void restoreProject(Context ctx) {
        ctx.json(ProjectService.restore(caller(ctx, JiraScopes.RESTORE_PROJECT), ctx.pathParam("project")));
    }

    private void issueTypesOfProject(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_ISSUE_TYPES);
        ctx.json(MetadataService.issueTypesOfProject(c, ctx.queryParam("projectId"), ctx.queryParam("level")));
    }

    private void fields(Context ctx) {
        ctx.json(MetadataService.fields(caller(ctx, JiraScopes.READ_FIELDS)));
    }

    /** The icons {@code iconUrl} of an issue type names: a small SVG, so a client that follows the link gets an image. */
    private void avatar(Context ctx) {
        caller(ctx, null);
        if (!ctx.pathParam("type").equals("issuetype") || !ctx.pathParam("id").matches("[0-9]{1,18}")) {
            throw JiraErrors.message(404, "The avatar does not exist.");
        }
        ctx.contentType("image/svg+xml").result(ISSUE_TYPE_ICON);
    }

    private static final String ISSUE_TYPE_ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\">"
            + "<rect width=\"16\" height=\"16\" rx=\"2\" fill=\"#4bade8\"/></svg>";

    private void searchFields(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.SEARCH_FIELDS);
        ctx.json(SchemaSearchService.fields(c, csv(ctx, "type"), csv(ctx, "id"), ctx.queryParam("query"), ctx.queryParam("orderBy"),
                intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 50)));
    }

    /** The document lists no scope for it; like {@code /priority} it asks for read:jira-work (a real site answered so). */
    private void searchPriorities(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_PRIORITIES);
        ctx.json(SchemaSearchService.priorities(c, csv(ctx, "id"), ctx.queryParam("priorityName"), "true".equals(ctx.queryParam("onlyDefault")),
                intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 50)));
    }

    private void searchStatuses(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.SEARCH_STATUSES);
        ctx.json(SchemaSearchService.statuses(c, ctx.queryParam("projectId"), ctx.queryParam("searchString"), ctx.queryParam("statusCategory"),
                intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 200)));
    }

    private void usersInBulk(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_USER);
        ctx.json(UserService.bulk(c, ctx.queryParams("accountId"), intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 10)));
    }

    private void searchUsers(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.SEARCH_USERS);
        ctx.json(UserService.search(c, ctx.queryParam("query"), ctx.queryParam("accountId"), intParam(ctx, "startAt", 0),
                intParam(ctx, "maxResults", 50)));
    }

    private void listUsers(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.LIST_USERS);
        ctx.json(UserService.all(c, intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 50)));
    }

    private void groupMembers(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.READ_GROUP_MEMBERS);
        ctx.json(GroupService.memberPage(c, ctx.queryParam("groupId"), ctx.queryParam("groupname"), "true".equals(ctx.queryParam("includeInactiveUsers")),
                intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 50)));
    }

    private void assignableUsers(Context ctx) {
        CloudCaller c = caller(ctx, JiraScopes.ASSIGNABLE_USERS);
        ctx.json(UserService.assignable(c, ctx.queryParam("project"), ctx.queryParam("issueKey"), ctx.queryParam("issueId"),
                ctx.queryParam("query"), ctx.queryParam("accountId"), intParam(ctx, "startAt", 0), intParam(ctx, "maxResults", 50)));
    }

    /** Any valid token for the site: serverInfo asks for no scope. */
    private void serverInfo(Context ctx) {
        ctx.json(Myself.serverInfo(caller(ctx, null)));
    }

    /** {@code GET /site/{subdomain}/_edge/tenant_info}: the site's cloudId, without auth (reference §0). */
    private void tenantInfo(Context ctx) {
        String subdomain = ctx.pathParam("subdomain");
        var site = tenant.get().world().site(subdomain).filter(s -> s.subdomain().equals(subdomain))
                .orElseThrow(() -> JiraErrors.noSuchSite(subdomain));
        ctx.json(Map.of("cloudId", site.cloudId()));
    }

    /**
     * The authenticated caller, with {@code scope} (null: none needed) checked and the site's rate limit spent. Through
     * the gateway: a bearer token with its scopes. On the site host: Basic API-token credentials, no scopes; an
     * anonymous caller only on {@link #ANONYMOUS_OK} routes.
     */
    CloudCaller caller(Context ctx, RequiredScope scope) {
        Tenant t = tenant.get();
        CloudCaller c;
        if (ctx.pathParamMap().containsKey("subdomain")) {
            String subdomain = ctx.pathParam("subdomain");
            SiteAuth.Outcome who = SiteAuth.authenticate(t.world(), ctx.header("Authorization"));
            c = CloudCaller.ofSite(t.world(), who, subdomain, ctx.pathParam("version"), publicUrl.get());
            if (who.user().anonymous()) {
                String route = ctx.method().name() + " " + ctx.path().replaceFirst("^/site/[^/]+/rest/api/[^/]+", "");
                if (who.bearer() || !ANONYMOUS_OK.matcher(route).matches()) throw who.failed() ? JiraErrors.authenticationFailed(subdomain) : JiraErrors.notAuthenticated();
                if (who.failed()) ctx.header(JiraErrors.LOGIN_REASON, JiraErrors.AUTHENTICATED_FAILED);
            } else {
                ctx.header(JiraErrors.LOGIN_REASON, "OK");
            }
        } else {
            c = CloudCaller.of(t.world(), ctx.header("Authorization"), ctx.pathParam("cloudId"), ctx.pathParam("version"), publicUrl.get());
        }
        if (scope != null) c.requireScope(scope);
        if (!c.user().anonymous()) ctx.header("X-AAccountId", c.user().accountId());
        // The budget is spent only by requests that got past the gateway: a bad token still gets its 401.
        var limiter = t.jiraRateLimiter();
        if (limiter.isPresent()) {
            String client = c.session() == null ? "basic" : c.session().grant().clientId();
            var decision = limiter.get().tryAcquire(limiter.get().keyFor(c.user().accountId(), client, c.site().cloudId()));
            decision.headers().forEach(ctx::header);
            if (!decision.allowed()) throw JiraErrors.rateLimited(decision.headers());
        }
        return c;
    }

    /**
     * Reads a JSON body. Without a JSON content type the real service answers 415 in problem+json
     * (measured on {@code /search/jql}); malformed JSON is Jira's "Invalid request payload".
     */
    static JsonNode json(Context ctx, boolean required) {
        if (!dev.jirasim.simulator.common.MediaTypes.of(ctx.contentType()).equals("application/json")) throw unsupported(ctx);
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

    // ---- comments and worklogs: parameters ------------------------------------------------------------

    /** A boolean query parameter: only {@code true} (any case) is true, as Jira reads them. */
    private static boolean flag(Context ctx, String name) {
        return "true".equalsIgnoreCase(ctx.queryParam(name));
    }

    private static EstimateAdjustment adjust(Context ctx) {
        return new EstimateAdjustment(ctx.queryParam("adjustEstimate"), ctx.queryParam("newEstimate"), ctx.queryParam("reduceBy"),
                ctx.queryParam("increaseBy"));
    }

    /** {@code since} in epoch milliseconds, 0 when absent. */
    private static long since(Context ctx) {
        Long v = optionalLong(ctx, "since");
        return v == null ? 0 : v;
    }

    private static Long optionalLong(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw JiraErrors.badRequest("The " + name + " parameter must be a number.");
        }
    }

    /** The real service's 415 for a body type a route does not take, in problem+json. */
    static Problem unsupported(Context ctx) {
        return Problem.withBody(415, "unsupported media type", Map.of("title", "Unsupported Media Type",
                "detail", "Content-Type '" + ctx.contentType() + "' is not supported.", "instance", ctx.path().replaceFirst("^/api/ex/jira/[^/]+|^/site/[^/]+", "")),
                Map.of("Content-Type", "application/problem+json"));
    }

    static int intParam(Context ctx, String name, int fallback) {
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

    /** Registers each gateway route a second time on the site host: one handler, two prefixes. */
    private static final class BothHosts {
        private final RoutesConfig routes;

        BothHosts(RoutesConfig routes) {
            this.routes = routes;
        }

        private static String site(String path) {
            if (!path.startsWith(BASE)) throw new IllegalArgumentException("not a gateway route: " + path);
            return SITE_BASE + path.substring(BASE.length());
        }

        void get(String path, io.javalin.http.Handler handler) {
            routes.get(path, handler);
            routes.get(site(path), handler);
        }

        void post(String path, io.javalin.http.Handler handler) {
            routes.post(path, handler);
            routes.post(site(path), handler);
        }

        void put(String path, io.javalin.http.Handler handler) {
            routes.put(path, handler);
            routes.put(site(path), handler);
        }

        void delete(String path, io.javalin.http.Handler handler) {
            routes.delete(path, handler);
            routes.delete(site(path), handler);
        }
    }
}
