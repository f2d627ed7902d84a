package dev.jirasim.simulator.atlassian.auth;

import dev.jirasim.simulator.common.Limits;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.function.Supplier;

/**
 * auth.atlassian.com under {@code /auth}:
 * <pre>
 *   GET  /auth/authorize            validate, then the account picker (or automatic consent)
 *   POST /auth/authorize/login      account chosen: the consent screen
 *   POST /auth/authorize/consent    Accept / Deny: redirect to the app's callback
 *   POST /auth/oauth/token          authorization_code and refresh_token grants
 * </pre>
 */
public final class AuthRoutes {
    private final Supplier<Tenant> tenant;
    private final AuthorizeService authorize = new AuthorizeService();
    private final TokenService tokens = new TokenService();

    public AuthRoutes(Supplier<Tenant> tenant) {
        this.tenant = tenant;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/auth/authorize", this::authorize);
        routes.post("/auth/authorize/login", this::login);
        routes.post("/auth/authorize/consent", this::consent);
        routes.post("/auth/oauth/token", this::token);
    }

    private void authorize(Context ctx) {
        Tenant t = tenant.get();
        render(ctx, t, authorize.authorize(t.world(), ctx.queryParamMap()));
    }

    private void login(Context ctx) {
        Tenant t = tenant.get();
        World world = t.world();
        var pending = t.pending().get(ctx.formParam("tx")).orElse(null);
        if (pending == null) {
            expired(ctx);
            return;
        }
        if (!pending.sameBrowser(ctx.cookie(pending.cookieName()))) {
            forged(ctx);
            return;
        }
        User user = world.user(ctx.formParam("user")).orElse(null);
        if (user == null) {
            // Served from /auth/authorize/login this time, so the form posts to the sibling "login".
            html(ctx, 400, ConsentPages.chooseAccount(pending.request(), pending.id(), world.users(), "login",
                    "Choose one of the accounts below."));
            return;
        }
        var refused = authorize.mayConsent(world, pending.request(), user);
        if (refused.isPresent()) {
            t.pending().close(pending.id());
            render(ctx, t, refused.get());
            return;
        }
        pending = t.pending().chooseAccount(pending, user.accountId());
        html(ctx, 200, ConsentPages.consent(pending.request(), pending.id(), user, sitesOf(world, user), null));
    }

    private void consent(Context ctx) {
        Tenant t = tenant.get();
        World world = t.world();
        var pending = t.pending().get(ctx.formParam("tx")).filter(p -> p.accountId() != null).orElse(null);
        User user = pending == null ? null : world.user(pending.accountId()).orElse(null);
        if (user == null) {
            expired(ctx);
            return;
        }
        if (!pending.sameBrowser(ctx.cookie(pending.cookieName()))) {
            forged(ctx);
            return;
        }
        boolean approve = "approve".equals(ctx.formParam("decision"));
        List<String> sites = ctx.formParams("site");
        if (approve && sites.isEmpty()) {
            html(ctx, 400, ConsentPages.consent(pending.request(), pending.id(), user, sitesOf(world, user),
                    "Choose a site to use this app on."));
            return;
        }
        t.pending().close(pending.id());
        render(ctx, t, authorize.decide(world, pending.request(), user, sites, approve));
    }

    private void token(Context ctx) {
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache"); // on errors too
        var body = TokenBodies.read(ctx.contentType(), rawBody(ctx));
        ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON).result(tokens.exchange(tenant.get().world(), TokenRequest.from(body)).toJson());
    }

    private static String rawBody(Context ctx) {
        try {
            return ctx.body();
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) throw AuthErrors.tooLarge(Limits.MAX_REQUEST_BYTES);
            throw e;
        }
    }

    private void render(Context ctx, Tenant t, AuthorizeOutcome outcome) {
        if (outcome instanceof AuthorizeOutcome.Redirect r) {
            ctx.redirect(r.location(), HttpStatus.FOUND);
        } else if (outcome instanceof AuthorizeOutcome.ErrorPage e) {
            html(ctx, e.status(), ConsentPages.error(e.status(), e.error(), e.description()));
        } else if (outcome instanceof AuthorizeOutcome.AskUser a) {
            var pending = t.pending().open(a.request());
            // HttpOnly and SameSite=Lax: a form posted from another site does not carry it.
            ctx.res().addHeader("Set-Cookie", pending.cookieName() + "=" + pending.browserKey() + "; Path=/; HttpOnly; SameSite=Lax");
            html(ctx, 200, ConsentPages.chooseAccount(a.request(), pending.id(), t.world().users(), "authorize/login", null));
        }
    }

    private static void forged(Context ctx) {
        html(ctx, 403, ConsentPages.error(403, "access_denied",
                "This form was not sent from the consent page this browser opened. Start again from the app."));
    }

    private static void expired(Context ctx) {
        html(ctx, 400, ConsentPages.error(400, "invalid_request",
                "This consent page has expired or was already answered. Start again from the app."));
    }

    private static List<Site> sitesOf(World world, User user) {
        return user.sites().stream().map(s -> world.site(s).orElseThrow()).toList();
    }

    private static void html(Context ctx, int status, String page) {
        ctx.status(status).contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .result(page);
    }
}
