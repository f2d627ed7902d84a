package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.EstimateAdjustment;
import static dev.jirasim.simulator.world.DcScope.READ;
import static dev.jirasim.simulator.world.DcScope.WRITE;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * What gathers on a DC issue, under {@code /rest/api/2} and {@code /rest/api/latest}; reads need {@code READ},
 * writes {@code WRITE}:
 * <pre>
 *   GET|POST /issue/{issue}/comment              GET|PUT|DELETE /issue/{issue}/comment/{id}
 *   GET|POST /issue/{issue}/transitions
 *   GET|POST /issue/{issue}/worklog              GET|PUT|DELETE /issue/{issue}/worklog/{id}
 *   GET /issueLinkType, /issueLinkType/{id}      POST /issueLink    GET|DELETE /issueLink/{id}
 * </pre>
 */
final class DcActivityRoutes {
    private final DcRoutes dc;

    DcActivityRoutes(DcRoutes dc) {
        this.dc = dc;
    }

    void addTo(RoutesConfig routes, String api) {
        String issue = api + "/issue/{issue}";
        DcRoutes.both(routes, GET, issue + "/comment", ctx -> ctx.json(DcComments.page(dc.caller(ctx, READ), ctx.pathParam("issue"),
                DcRoutes.integer(ctx.queryParam("startAt"), "startAt"), DcRoutes.integer(ctx.queryParam("maxResults"), "maxResults"),
                ctx.queryParam("orderBy"))));
        DcRoutes.both(routes, POST, issue + "/comment", ctx -> {
            var c = dc.caller(ctx, WRITE);
            ctx.status(201).json(DcComments.add(c, ctx.pathParam("issue"), DcRoutes.json(ctx)));
        });
        DcRoutes.both(routes, GET, issue + "/comment/{id}", ctx -> ctx.json(DcComments.one(dc.caller(ctx, READ), ctx.pathParam("issue"), ctx.pathParam("id"))));
        DcRoutes.both(routes, PUT, issue + "/comment/{id}", ctx -> {
            var c = dc.caller(ctx, WRITE);
            ctx.json(DcComments.update(c, ctx.pathParam("issue"), ctx.pathParam("id"), DcRoutes.json(ctx)));
        });
        DcRoutes.both(routes, DELETE, issue + "/comment/{id}", ctx -> {
            DcComments.delete(dc.caller(ctx, WRITE), ctx.pathParam("issue"), ctx.pathParam("id"));
            ctx.status(204);
        });
        DcRoutes.both(routes, GET, issue + "/transitions", ctx -> ctx.json(DcTransitions.list(dc.caller(ctx, READ), ctx.pathParam("issue"),
                ctx.queryParam("transitionId"), ctx.queryParam("expand"))));
        DcRoutes.both(routes, POST, issue + "/transitions", ctx -> {
            var c = dc.caller(ctx, WRITE);
            DcTransitions.transition(c, ctx.pathParam("issue"), DcRoutes.json(ctx));
            ctx.status(204);
        });
        DcRoutes.both(routes, GET, issue + "/worklog", ctx -> ctx.json(DcWorklogs.list(dc.caller(ctx, READ), ctx.pathParam("issue"))));
        DcRoutes.both(routes, POST, issue + "/worklog", ctx -> {
            var c = dc.caller(ctx, WRITE);
            ctx.status(201).json(DcWorklogs.add(c, ctx.pathParam("issue"), DcRoutes.json(ctx), adjust(ctx)));
        });
        DcRoutes.both(routes, GET, issue + "/worklog/{id}", ctx -> ctx.json(DcWorklogs.one(dc.caller(ctx, READ), ctx.pathParam("issue"), ctx.pathParam("id"))));
        DcRoutes.both(routes, PUT, issue + "/worklog/{id}", ctx -> {
            var c = dc.caller(ctx, WRITE);
            ctx.json(DcWorklogs.update(c, ctx.pathParam("issue"), ctx.pathParam("id"), DcRoutes.json(ctx), adjust(ctx)));
        });
        DcRoutes.both(routes, DELETE, issue + "/worklog/{id}", ctx -> {
            DcWorklogs.delete(dc.caller(ctx, WRITE), ctx.pathParam("issue"), ctx.pathParam("id"), adjust(ctx));
            ctx.status(204);
        });
        DcRoutes.both(routes, GET, api + "/issueLinkType", ctx -> ctx.json(DcLinks.types(dc.caller(ctx, READ))));
        DcRoutes.both(routes, GET, api + "/issueLinkType/{id}", ctx -> ctx.json(DcLinks.typeById(dc.caller(ctx, READ), ctx.pathParam("id"))));
        DcRoutes.both(routes, POST, api + "/issueLink", ctx -> {
            DcLinks.link(dc.caller(ctx, WRITE), DcRoutes.json(ctx));
            ctx.status(201);
        });
        DcRoutes.both(routes, GET, api + "/issueLink/{id}", ctx -> ctx.json(DcLinks.get(dc.caller(ctx, READ), ctx.pathParam("id"))));
        DcRoutes.both(routes, DELETE, api + "/issueLink/{id}", ctx -> {
            DcLinks.delete(dc.caller(ctx, WRITE), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private static EstimateAdjustment adjust(Context ctx) {
        return new EstimateAdjustment(ctx.queryParam("adjustEstimate"), ctx.queryParam("newEstimate"), ctx.queryParam("reduceBy"),
                ctx.queryParam("increaseBy"));
    }
}
