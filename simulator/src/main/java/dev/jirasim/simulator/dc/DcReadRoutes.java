package dev.jirasim.simulator.dc;

import static dev.jirasim.simulator.world.DcScope.READ;
import static io.javalin.http.HandlerType.GET;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DC instance's schema, parts and people, read side, under {@code /rest/api/2} and {@code /rest/api/latest}; each
 * needs a signed-in user whose token reaches {@code READ}:
 * <pre>
 *   GET /field, /issuetype[/{id}], /priority[/{id}], /status[/{idOrName}], /statuscategory[/{idOrKey}], /resolution[/{id}]
 *   GET /project/{project}/components, /project/{project}/versions, /component/{id}, /version/{id}, /customFieldOption/{id}
 *   GET /user?username=|key=, /user/search?username=, /user/assignable/search?project=|issueKey=
 *   GET /issue/createmeta                                   until 9.0 (then an issue key, as on DC 9)
 *   GET /issue/createmeta/{project}/issuetypes[/{typeId}]   from 8.4
 *   GET /issue/{issue}/editmeta
 * </pre>
 * and, without a token, the icons and avatars the JSON links to ({@code /secure/…avatar}, {@code /images/icons/…}).
 */
final class DcReadRoutes {
    private final DcRoutes dc;

    DcReadRoutes(DcRoutes dc) {
        this.dc = dc;
    }

    /** Registers under one REST base; DcRoutes calls it before its own {@code /issue/{issue}}. */
    void addTo(RoutesConfig routes, String api) {
        DcRoutes.both(routes, GET, api + "/field", this::fields);
        DcRoutes.both(routes, GET, api + "/issuetype", ctx -> ctx.json(DcSchemaService.issueTypes(read(ctx))));
        DcRoutes.both(routes, GET, api + "/issuetype/{id}", ctx -> ctx.json(DcSchemaService.issueType(read(ctx), ctx.pathParam("id"))));
        DcRoutes.both(routes, GET, api + "/priority", ctx -> ctx.json(DcSchemaService.priorities(read(ctx))));
        DcRoutes.both(routes, GET, api + "/priority/{id}", ctx -> ctx.json(DcSchemaService.priority(read(ctx), ctx.pathParam("id"))));
        DcRoutes.both(routes, GET, api + "/status", ctx -> ctx.json(DcSchemaService.statuses(read(ctx))));
        DcRoutes.both(routes, GET, api + "/status/{idOrName}", ctx -> ctx.json(DcSchemaService.status(read(ctx), ctx.pathParam("idOrName"))));
        DcRoutes.both(routes, GET, api + "/statuscategory", ctx -> ctx.json(DcSchemaService.statusCategories(read(ctx))));
        DcRoutes.both(routes, GET, api + "/statuscategory/{idOrKey}", ctx -> ctx.json(DcSchemaService.statusCategory(read(ctx),
                ctx.pathParam("idOrKey"))));
        DcRoutes.both(routes, GET, api + "/resolution", ctx -> ctx.json(DcSchemaService.resolutions(read(ctx))));
        DcRoutes.both(routes, GET, api + "/resolution/{id}", ctx -> ctx.json(DcSchemaService.resolution(read(ctx), ctx.pathParam("id"))));
        DcRoutes.both(routes, GET, api + "/project/{project}/components", ctx -> ctx.json(DcParts.projectComponents(read(ctx), ctx.pathParam("project"))));
        DcRoutes.both(routes, GET, api + "/project/{project}/versions", ctx -> ctx.json(DcParts.projectVersions(read(ctx), ctx.pathParam("project"))));
        DcRoutes.both(routes, GET, api + "/component/{id}", ctx -> ctx.json(DcParts.component(read(ctx), ctx.pathParam("id"))));
        DcRoutes.both(routes, GET, api + "/version/{id}", ctx -> ctx.json(DcParts.version(read(ctx), ctx.pathParam("id"))));
        DcRoutes.both(routes, GET, api + "/customFieldOption/{id}", ctx -> ctx.json(DcCustomFields.option(read(ctx), ctx.pathParam("id"))));
        DcRoutes.both(routes, GET, api + "/user", this::user);
        DcRoutes.both(routes, GET, api + "/user/search", this::searchUsers);
        DcRoutes.both(routes, GET, api + "/user/assignable/search", this::assignableUsers);
        DcRoutes.both(routes, GET, api + "/issue/createmeta", this::legacyCreateMeta);
        DcRoutes.both(routes, GET, api + "/issue/createmeta/{project}/issuetypes", this::createMetaIssueTypes);
        DcRoutes.both(routes, GET, api + "/issue/createmeta/{project}/issuetypes/{issueType}", this::createMetaFields);
        DcRoutes.both(routes, GET, api + "/issue/{issue}/editmeta", ctx -> ctx.json(DcIssueMetaService.editmeta(read(ctx), ctx.pathParam("issue"))));
    }

    void addImagesTo(RoutesConfig routes) {
        for (String path : List.of("/secure/useravatar", "/secure/projectavatar", "/secure/viewavatar", "/images/icons/{kind}/{file}")) {
            DcRoutes.both(routes, GET, path, this::image);
        }
    }

    private DcCaller read(Context ctx) {
        return dc.caller(ctx, READ);
    }

    private void fields(Context ctx) {
        ctx.json(DcSchemaService.fields(read(ctx)));
    }

    private void user(Context ctx) {
        ctx.json(DcUserService.user(read(ctx), ctx.queryParam("username"), ctx.queryParam("key")));
    }

    private void searchUsers(Context ctx) {
        DcCaller c = read(ctx);
        ctx.json(DcUserService.search(c, ctx.queryParam("username"), number(ctx, "startAt", 0), number(ctx, "maxResults", DcUserService.DEFAULT_MAX),
                DcRoutes.flag(ctx.queryParam("includeActive"), true), DcRoutes.flag(ctx.queryParam("includeInactive"), false)));
    }

    private void assignableUsers(Context ctx) {
        DcCaller c = read(ctx);
        ctx.json(DcUserService.assignable(c, ctx.queryParam("project"), ctx.queryParam("issueKey"), ctx.queryParam("username"),
                number(ctx, "maxResults", DcUserService.DEFAULT_MAX)));
    }

    private void legacyCreateMeta(Context ctx) {
        DcCaller c = read(ctx);
        if (DcIssueMetaService.since(c.dc().instance(), 9, 0)) {
            // Removed in 9.0: the path then reads as GET /issue/{key} with the key "createmeta", as on a real 9.x.
            ctx.json(DcRestService.issue(c, "createmeta", List.of(), List.of()));
            return;
        }
        ctx.json(DcIssueMetaService.legacy(c, csv(ctx, "projectIds"), csv(ctx, "projectKeys"), csv(ctx, "issuetypeIds"),
                csv(ctx, "issuetypeNames"), ctx.queryParam("expand")));
    }

    private void createMetaIssueTypes(Context ctx) {
        DcCaller c = pagedCreateMeta(ctx);
        ctx.json(DcIssueMetaService.issueTypes(c, ctx.pathParam("project"), number(ctx, "startAt", 0),
                number(ctx, "maxResults", DcIssueMetaService.DEFAULT_MAX)));
    }

    private void createMetaFields(Context ctx) {
        DcCaller c = pagedCreateMeta(ctx);
        ctx.json(DcIssueMetaService.fields(c, ctx.pathParam("project"), ctx.pathParam("issueType"), number(ctx, "startAt", 0),
                number(ctx, "maxResults", DcIssueMetaService.DEFAULT_MAX)));
    }

    /** The paged create meta came with 8.4; an older instance has no such endpoint. */
    private DcCaller pagedCreateMeta(Context ctx) {
        if (!DcIssueMetaService.since(dc.dc(ctx).runtime().instance(), 8, 4)) {
            throw DcErrors.rest(404, "No such endpoint: " + ctx.method() + " " + ctx.path());
        }
        return read(ctx);
    }

    /** Icons and avatars: a small image whatever the parameters, so a client following the link gets one. */
    private void image(Context ctx) {
        dc.dc(ctx);
        if (ctx.path().endsWith(".png")) ctx.contentType("image/png").result(PNG);
        else ctx.contentType("image/svg+xml").result(SVG);
    }

    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    private static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\">"
            + "<rect width=\"16\" height=\"16\" rx=\"2\" fill=\"#0052cc\"/></svg>").getBytes(StandardCharsets.UTF_8);

    private static int number(Context ctx, String name, int absent) {
        Integer value = DcRoutes.integer(ctx.queryParam(name), name);
        return value == null ? absent : value;
    }

    /** A list parameter, comma-separated and repeatable ({@code projectKeys=A,B&projectKeys=C}). */
    private static List<String> csv(Context ctx, String name) {
        var out = new ArrayList<String>();
        for (String value : ctx.queryParams(name)) {
            for (String part : value.split(",")) if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }
}
