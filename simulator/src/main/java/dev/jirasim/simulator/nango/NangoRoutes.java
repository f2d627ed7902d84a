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
 * {@link NangoService}, {@link ConnectService}, {@link ProxyService} and {@link WebhookIngress}.
 * <pre>
 *   GET    /integrations, /integrations/{key}           (secret key)
 *   GET    /connection(s), /connection(s)/{id}; DELETE  (secret key)
 *   POST   /connect/sessions                            (secret key)
 *   GET    /connect, /oauth/connect/{key}, /oauth/callback
 *   *      /proxy/{endpoint}                            (secret key)
 *   POST   /webhook/{environmentUuid}/{key}             a provider's webhooks for an integration (no key)
 *   POST   /environment/webhook-signing-key/rotate      (secret key)
 * </pre>
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
        routes.get(BASE + "/integrations", this::listIntegrations);
        routes.get(BASE + "/integrations/{key}", this::getIntegration);
        for (String family : List.of("/connection", "/connections")) { // the legacy and the current path (reference nango.md §3.3–3.5)
            routes.get(BASE + family, this::listConnections);
            routes.get(BASE + family + "/{id}", this::getConnection);
            routes.delete(BASE + family + "/{id}", this::deleteConnection);
        }
        routes.post(BASE + "/connect/sessions", this::createConnectSession);
        routes.get(BASE + "/connect", this::connectPage);
        routes.get(BASE + "/oauth/connect/{key}", this::startOAuth);
        routes.get(BASE + "/oauth/callback", this::oauthCallback);
        for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)) {
            routes.addHttpHandler(method, BASE + "/proxy/<endpoint>", this::proxy);
        }
        routes.post(BASE + "/webhook/{environmentUuid}/{providerConfigKey}", this::receiveWebhook);
        routes.post(BASE + "/environment/webhook-signing-key/rotate", this::rotateSigningKey);
    }

    private void receiveWebhook(Context ctx) {
        var headers = new java.util.LinkedHashMap<String, String>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        WebhookIngress.Answer a = WebhookIngress.receive(context(), ctx.pathParam("environmentUuid"), ctx.pathParam("providerConfigKey"), headers,
                ctx.body(), ctx.contentType());
        ctx.status(a.status());
        if (a.body() != null) ctx.json(a.body());
    }

    private void rotateSigningKey(Context ctx) {
        ctx.json(NangoService.rotateSigningKey(authed(ctx).world().nango()));
    }

    private void listIntegrations(Context ctx) {
        var c = authed(ctx);
        ctx.json(Map.of("data", c.world().nango().integrations().stream().map(NangoService::integration).toList()));
    }

    private void getIntegration(Context ctx) {
        var c = authed(ctx);
        ctx.json(Map.of("data", NangoService.integration(c, NangoService.integrationOrThrow(c.world().nango(), ctx.pathParam("key")),
                ctx.queryParamMap())));
    }

    private void listConnections(Context ctx) {
        ctx.json(NangoService.list(authed(ctx).world().nango(), ctx.queryParamMap()));
    }

    private void getConnection(Context ctx) {
        ctx.json(NangoService.get(authed(ctx), ctx.pathParam("id"), ctx.queryParamMap()));
    }

    private void deleteConnection(Context ctx) {
        ctx.json(NangoService.delete(authed(ctx).world().nango(), ctx.pathParam("id"), ctx.queryParamMap()));
    }

    private void createConnectSession(Context ctx) {
        var c = authed(ctx);
        ctx.status(201).json(ConnectService.createSession(c, ctx.body()));
    }

    private void connectPage(Context ctx) {
        page(ctx, ConnectService.connectPage(context(), ctx.queryParam("session_token")));
    }

    private void startOAuth(Context ctx) {
        ctx.redirect(ConnectService.connect(context(), ctx.pathParam("key"), ctx.queryParamMap()));
    }

    private void oauthCallback(Context ctx) {
        page(ctx, ConnectService.callback(context(), ctx.queryParamMap()));
    }

    private void proxy(Context ctx) {
        var c = authed(ctx);
        String endpoint = ctx.path().substring((BASE + "/proxy").length());
        if (ctx.queryString() != null && !ctx.queryString().isEmpty()) endpoint += "?" + ctx.queryString();
        byte[] body = ctx.bodyAsBytes();
        var names = new ArrayList<>(ctx.headerMap().keySet());
        ProxyService.Result r = ProxyService.forward(c, ctx.method().name(), endpoint, ctx::header, names, body);
        ctx.status(r.status());
        r.headers().forEach(ctx::header);
        ctx.result(r.body());
    }

    private NangoContext context() {
        Tenant t = tenant.get();
        return new NangoContext(t.world(), publicUrl.get(), internalUrl.get(), upstream, t.webhooks());
    }

    private NangoContext authed(Context ctx) {
        NangoContext c = context();
        NangoService.authenticate(c.world().nango(), ctx.header("Authorization"));
        return c;
    }

    private static void page(Context ctx, ConnectService.Page page) {
        ctx.status(page.status()).contentType("text/html; charset=utf-8").result(page.html());
    }
}
