package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.tenant.Tenant;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Nango's HTTP surface under {@code /nango} (stands in for {@code https://api.nango.dev}); thin adapters over
 * {@link NangoApi}, {@link ConnectFlow} and {@link NangoProxy}.
 */
public final class NangoRoutes {
    private static final String BASE = "/nango";
    private final Supplier<Tenant> tenant;
    private final Supplier<String> publicUrl;
    private final Supplier<String> internalUrl;
    private final Upstream upstream;

    public NangoRoutes(Supplier<Tenant> tenant, Supplier<String> publicUrl, Supplier<String> internalUrl, Upstream upstream) {
        this.tenant = tenant;
        this.publicUrl = publicUrl;
        this.internalUrl = internalUrl;
        this.upstream = upstream;
    }

    public void addTo(RoutesConfig routes) {
        routes.get(BASE + "/integrations", ctx -> {
            var c = authed(ctx);
            ctx.json(Map.of("data", c.world().nango().integrations().stream().map(NangoApi::integration).toList()));
        });
        routes.get(BASE + "/integrations/{key}", ctx -> {
            var c = authed(ctx);
            ctx.json(Map.of("data", NangoApi.integration(NangoApi.integrationOrThrow(c.world().nango(), ctx.pathParam("key")))));
        });
        for (String family : List.of("/connection", "/connections")) {
            routes.get(BASE + family, ctx -> ctx.json(NangoApi.list(authed(ctx).world().nango(), ctx.queryParamMap())));
            routes.get(BASE + family + "/{id}", ctx -> ctx.json(NangoApi.get(authed(ctx), ctx.pathParam("id"), ctx.queryParamMap())));
            routes.delete(BASE + family + "/{id}", ctx -> ctx.json(NangoApi.delete(authed(ctx).world().nango(), ctx.pathParam("id"), ctx.queryParamMap())));
        }
        routes.post(BASE + "/connect/sessions", ctx -> {
            var c = authed(ctx);
            ctx.status(201).json(ConnectFlow.createSession(c, ctx.body()));
        });
        routes.get(BASE + "/connect", ctx -> page(ctx, ConnectFlow.connectPage(context(), ctx.queryParam("session_token"))));
        routes.get(BASE + "/oauth/connect/{key}", ctx -> ctx.redirect(ConnectFlow.connect(context(), ctx.pathParam("key"), ctx.queryParamMap())));
        routes.get(BASE + "/oauth/callback", ctx -> page(ctx, ConnectFlow.callback(context(), ctx.queryParamMap())));
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
            routes.addHttpHandler(method, BASE + "/proxy/<endpoint>", this::proxy);
        }
    }

    private void proxy(Context ctx) {
        var c = authed(ctx);
        String endpoint = ctx.path().substring((BASE + "/proxy").length());
        if (ctx.queryString() != null && !ctx.queryString().isEmpty()) endpoint += "?" + ctx.queryString();
        byte[] body = ctx.bodyAsBytes();
        var names = new ArrayList<>(ctx.headerMap().keySet());
        NangoProxy.Result r = NangoProxy.forward(c, ctx.method().name(), endpoint, ctx::header, names, body);
        ctx.status(r.status());
        r.headers().forEach(ctx::header);
        ctx.result(r.body());
    }

    private NangoContext context() {
        Tenant t = tenant.get();
        return new NangoContext(t.world(), publicUrl.get(), internalUrl.get(), upstream);
    }

    private NangoContext authed(Context ctx) {
        NangoContext c = context();
        NangoApi.authenticate(c.world().nango(), ctx.header("Authorization"));
        return c;
    }

    private static void page(Context ctx, ConnectFlow.Page page) {
        ctx.status(page.status()).contentType("text/html; charset=utf-8").result(page.html());
    }
}
