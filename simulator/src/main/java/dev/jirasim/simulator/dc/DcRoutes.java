package dev.jirasim.simulator.dc;

import static dev.jirasim.simulator.world.DcScope.READ;
import static dev.jirasim.simulator.world.DcScope.WRITE;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.world.DcInstance.DcUser;
import dev.jirasim.simulator.world.DcRuntime;
import dev.jirasim.simulator.world.DcScope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Jira Data Center instances under {@code /dc/{instance}}, or {@code /dc/{instance}/{context}} for an
 * instance with a context path: the OAuth 2.0 provider ({@code /rest/oauth2/latest/…}) and REST v2
 * ({@code /rest/api/2/…} and {@code /rest/api/latest/…}). Every answer carries {@code X-AUSERNAME}.
 */
public final class DcRoutes {
    private final Supplier<Tenant> tenant;
    private final Supplier<String> publicUrl;
    private final DcReadRoutes read = new DcReadRoutes(this);
    private final DcActivityRoutes activity = new DcActivityRoutes(this);

    public DcRoutes(Supplier<Tenant> tenant, Supplier<String> publicUrl) {
        this.tenant = tenant;
        this.publicUrl = publicUrl;
    }

    /** One request's instance and the base URL its absolute links use (context path included). */
    record Dc(DcRuntime runtime, String base) {
    }

    /** Who calls: a live bearer and its user, or nobody. */
    record Who(Optional<DcRuntime.Bearer> bearer, Optional<DcUser> user) {
    }

    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> {
            if (!ctx.path().startsWith("/dc/")) return;
            ctx.header("X-AUSERNAME", "anonymous");
            basic(ctx);
        });
        both(routes, GET, "/rest/oauth2/latest/authorize", this::authorize);
        both(routes, POST, "/plugins/servlet/oauth2/consent", this::consent);
        both(routes, POST, "/rest/oauth2/latest/token", this::token);
        read.addImagesTo(routes);
        for (String version : new String[] {"2", "latest"}) {
            // The schema and people first: /issue/createmeta must win over /issue/{issue}.
            read.addTo(routes, "/rest/api/" + version);
            activity.addTo(routes, "/rest/api/" + version);
            both(routes, GET, "/rest/api/" + version + "/myself", this::myself);
            both(routes, GET, "/rest/api/" + version + "/serverInfo", this::serverInfo);
            both(routes, GET, "/rest/api/" + version + "/project", ctx -> ctx.json(DcRestService.projects(caller(ctx, READ))));
            both(routes, GET, "/rest/api/" + version + "/project/{project}", ctx -> ctx.json(DcSchemaService.project(caller(ctx, READ),
                    ctx.pathParam("project"), ctx.queryParam("expand"))));
            both(routes, GET, "/rest/api/" + version + "/search", this::searchGet);
            both(routes, POST, "/rest/api/" + version + "/search", this::searchPost);
            both(routes, GET, "/rest/api/" + version + "/issue/{issue}", ctx -> ctx.json(DcRestService.issue(caller(ctx, READ), ctx.pathParam("issue"),
                    list(ctx.queryParam("fields")), list(String.join(",", ctx.queryParams("expand"))))));
            both(routes, PUT, "/rest/api/" + version + "/issue/{issue}", ctx -> {
                var c = caller(ctx, WRITE);
                DcRestService.edit(c, ctx.pathParam("issue"), json(ctx));
                ctx.status(204);
            });
            both(routes, DELETE, "/rest/api/" + version + "/issue/{issue}", ctx -> {
                var c = caller(ctx, WRITE);
                DcRestService.delete(c, ctx.pathParam("issue"));
                ctx.status(204);
            });
            both(routes, POST, "/rest/api/" + version + "/issue", ctx -> {
                var c = caller(ctx, WRITE);
                ctx.status(201).json(DcRestService.create(c, json(ctx)));
            });
        }
    }

    /** Each route with and without the instance's context path ({@link #dc} checks which one it has). */
    static void both(RoutesConfig routes, HandlerType method, String path, Handler handler) {
        for (String prefix : new String[] {"/dc/{instance}", "/dc/{instance}/{contextPath}"}) {
            routes.addHttpHandler(method, prefix + path, handler);
        }
    }

    Dc dc(Context ctx) {
        String id = ctx.pathParam("instance");
        DcRuntime runtime = tenant.get().world().dataCenter(id)
                .orElseThrow(() -> DcErrors.rest(404, "No Data Center instance '" + id + "' on this server."));
        String given = ctx.pathParamMap().containsKey("contextPath") ? "/" + ctx.pathParam("contextPath") : "";
        if (!given.equals(runtime.instance().contextPath())) {
            throw DcErrors.rest(404, "No such endpoint: " + ctx.method() + " " + ctx.path());
        }
        return new Dc(runtime, publicUrl.get() + "/dc/" + id + runtime.instance().contextPath());
    }

    private static Who who(Context ctx, DcRuntime dc) {
        DcUser basic = ctx.attribute(BASIC_USER);
        if (basic != null) return new Who(Optional.empty(), Optional.of(basic));
        String header = ctx.header("Authorization");
        // A missing, expired or unknown bearer makes the request anonymous, as DC does (reference §2.7).
        Optional<DcRuntime.Bearer> bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? dc.authenticate(header.substring(7).trim()) : Optional.empty();
        // A deactivated user cannot sign in, whatever token they hold.
        Optional<DcUser> user = bearer.flatMap(b -> dc.user(b.user())).filter(DcUser::active);
        user.ifPresent(u -> ctx.header("X-AUSERNAME", u.name()));
        return new Who(bearer, user);
    }

    /** A signed-in user whose token reaches {@code scope}; else DC's 401 or our 403 for the scope. */
    private static DcUser require(Context ctx, DcRuntime dc, DcScope scope) {
        Who who = who(ctx, dc);
        if (who.user().isEmpty()) throw DcErrors.notAuthenticated();
        // HTTP Basic signs the user in with their full rights, as a personal access token does.
        if (who.bearer().isPresent() && !who.bearer().get().allows(scope)) {
            throw DcErrors.rest(403, "The OAuth 2.0 token's scope does not allow this operation: it needs " + scope + ".");
        }
        return who.user().get();
    }

    // ---- HTTP Basic (Seraph) ------------------------------------------------------------------------------

    /** The request attribute holding the user a Basic login signed in. */
    private static final String BASIC_USER = "jirasim.dc.basicUser";

    /**
     * HTTP Basic {@code name:password} on an instance's REST API, checked before any resource as Seraph's
     * filter does: success signs the user in ({@code X-Seraph-LoginReason: OK}); a failure answers 401
     * (AUTHENTICATED_FAILED) on every REST path, even one that allows anonymous access; a user in CAPTCHA mode
     * gets 403 (AUTHENTICATION_DENIED) with {@code X-Authentication-Denied-Reason}. Other paths (the OAuth
     * token endpoint reads Basic as client credentials) are left alone.
     */
    private void basic(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic", 0, 5) || header.length() > 5 && header.charAt(5) != ' ') return;
        String rest = ctx.path().substring("/dc/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) return;
        String id = rest.substring(0, slash);
        Optional<DcRuntime> runtime = tenant.get().world().dataCenter(id);
        if (runtime.isEmpty()) return;
        String contextPath = runtime.get().instance().contextPath();
        if (!rest.substring(slash).startsWith(contextPath + "/rest/api/")) return;
        String base = publicUrl.get() + "/dc/" + id + contextPath;
        String[] pair = credentials(header.substring(5).trim());
        DcRuntime.Login login = pair == null ? new DcRuntime.Login(DcRuntime.LoginReason.AUTHENTICATED_FAILED, Optional.empty())
                : runtime.get().basic(pair[0], pair[1]);
        ctx.header("X-Seraph-LoginReason", login.reason().name());
        switch (login.reason()) {
            case OK -> {
                ctx.attribute(BASIC_USER, login.user().orElseThrow());
                ctx.header("X-AUSERNAME", login.user().get().name());
            }
            case AUTHENTICATED_FAILED -> {
                html(ctx, 401, DcPages.basicFailure(401, "Unauthorized", login.reason().name()));
                ctx.skipRemainingHandlers();
            }
            case AUTHENTICATION_DENIED -> {
                ctx.header("X-Authentication-Denied-Reason", "CAPTCHA_CHALLENGE; login-url=" + base + "/login.jsp");
                html(ctx, 403, DcPages.basicFailure(403, "Forbidden", login.reason().name()));
                ctx.skipRemainingHandlers();
            }
        }
    }

    /** {@code name:password} from a Basic header's payload; null when it is not Base64 or has no colon. */
    static String[] credentials(String payload) {
        try {
            String plain = new String(java.util.Base64.getDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return colon < 0 ? null : new String[] {plain.substring(0, colon), plain.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- OAuth ---------------------------------------------------------------------------------------

    private void authorize(Context ctx) {
        Dc dc = dc(ctx);
        var q = new LinkedHashMap<String, String>();
        ctx.queryParamMap().forEach((k, v) -> q.put(k, v.isEmpty() ? null : v.get(0)));
        answer(ctx, dc, DcOAuthService.authorize(dc.runtime(), q, true));
    }

    private void consent(Context ctx) {
        Dc dc = dc(ctx);
        var q = new LinkedHashMap<String, String>();
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw DcErrors.rest(415, "The consent form must be sent as application/x-www-form-urlencoded.");
        }
        ctx.formParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && !k.equals("user") && !k.equals("decision") && !k.equals("csrf")) q.put(k, v.get(0));
        });
        String key = ctx.formParam("csrf");
        if (key == null || !dc.runtime().takeConsentPage(key, ctx.cookie("jirasim-dc-consent-" + key))) {
            html(ctx, 403, DcPages.error("This form was not sent from the consent page this browser opened. Start again from the app."));
            return;
        }
        DcOAuthService.Outcome checked = DcOAuthService.authorize(dc.runtime(), q, false);
        if (!(checked instanceof DcOAuthService.Outcome.ConsentPage page)) {
            answer(ctx, dc, checked);
            return;
        }
        DcUser user = dc.runtime().user(String.valueOf(ctx.formParam("user"))).orElse(null);
        if (user == null) {
            html(ctx, 400, DcPages.error("Choose a user to continue."));
            return;
        }
        answer(ctx, dc, DcOAuthService.decide(dc.runtime(), page.link(), q, page.scopes(), user, "approve".equals(ctx.formParam("decision"))));
    }

    private void answer(Context ctx, Dc dc, DcOAuthService.Outcome outcome) {
        if (outcome instanceof DcOAuthService.Outcome.Redirect r) {
            ctx.redirect(r.location());
        } else if (outcome instanceof DcOAuthService.Outcome.ErrorPage e) {
            html(ctx, e.status(), DcPages.error(e.error() + ": " + e.description()));
        } else {
            var page = (DcOAuthService.Outcome.ConsentPage) outcome;
            String[] csrf = dc.runtime().openConsentPage();
            ctx.res().addHeader("Set-Cookie", "jirasim-dc-consent-" + csrf[0] + "=" + csrf[1] + "; Path=/; HttpOnly; SameSite=Lax");
            var params = new LinkedHashMap<>(page.params());
            params.put("csrf", csrf[0]);
            html(ctx, 200, DcPages.consent(dc.runtime().instance(), page.link(), page.scopes(), params));
        }
    }

    private void token(Context ctx) {
        Dc dc = dc(ctx);
        var p = new LinkedHashMap<String, String>();
        // The form body and, as in Atlassian's curl examples, the query string.
        ctx.queryParamMap().forEach((k, v) -> p.put(k, v.isEmpty() ? null : v.get(0)));
        String type = ctx.contentType();
        // Form parameters come from a url-encoded body; other bodies carry none (Jira's resource reads form params).
        if (type == null || type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap().forEach((k, v) -> p.put(k, v.isEmpty() ? null : v.get(0)));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.json(DcOAuthService.token(dc.runtime(), type, p));
    }

    // ---- REST v2 ---------------------------------------------------------------------------------------

    private void myself(Context ctx) {
        Dc dc = dc(ctx);
        DcUser u = require(ctx, dc.runtime(), READ);
        ctx.json(DcJson.user(dc.base(), u, true));
    }

    DcCaller caller(Context ctx, DcScope scope) {
        Dc dc = dc(ctx);
        DcUser u = require(ctx, dc.runtime(), scope);
        return new DcCaller(tenant.get().world(), dc.runtime(), dc.base(), dc.runtime().engineUser(u.name()).orElseThrow());
    }

    private void searchGet(Context ctx) {
        var c = caller(ctx, READ);
        ctx.json(DcRestService.search(c, ctx.queryParam("jql"), integer(ctx.queryParam("startAt"), "startAt"),
                integer(ctx.queryParam("maxResults"), "maxResults"), list(ctx.queryParam("fields")), bool(ctx.queryParam("validateQuery")),
                list(String.join(",", ctx.queryParams("expand")))));
    }

    private void searchPost(Context ctx) {
        var c = caller(ctx, READ);
        var body = json(ctx);
        if (body == null || !body.isObject()) throw DcErrors.rest(400, "The request body must be a JSON object.");
        var fields = new java.util.ArrayList<String>();
        body.path("fields").forEach(f -> fields.add(f.asText()));
        // expand: an array of names, as the document's SearchRequestBean has it; a comma-separated string is read too.
        var expand = new java.util.ArrayList<String>();
        if (body.path("expand").isTextual()) expand.addAll(list(body.get("expand").asText()));
        else body.path("expand").forEach(e -> expand.add(e.asText()));
        ctx.json(DcRestService.search(c, body.path("jql").isTextual() ? body.get("jql").asText() : null,
                body.path("startAt").isInt() ? body.get("startAt").asInt() : null,
                body.path("maxResults").isInt() ? body.get("maxResults").asInt() : null, fields,
                !body.path("validateQuery").isBoolean() || body.get("validateQuery").asBoolean(), expand));
    }

    static com.fasterxml.jackson.databind.JsonNode json(Context ctx) {
        try {
            return ctx.body().isBlank() ? null : dev.jirasim.simulator.common.Json.MAPPER.readTree(ctx.body());
        } catch (Exception e) {
            throw DcErrors.rest(400, "Unexpected character in the request body: it is not valid JSON.");
        }
    }

    /**
     * validateQuery: true by default. DC's REST layer reads a boolean parameter as Java's {@code Boolean.valueOf}
     * does: {@code true} in any case is true, anything else false. {@code strict} (as newer versions spell
     * validation on) is true too.
     */
    private static boolean bool(String value) {
        if (value == null || value.isEmpty()) return true;
        String v = value.toLowerCase(java.util.Locale.ROOT);
        return v.equals("strict") || Boolean.parseBoolean(v);
    }

    static Integer integer(String value, String name) {
        if (value == null || value.isEmpty()) return null;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw DcErrors.rest(400, "The value '" + value + "' of " + name + " is not a number.");
        }
    }

    /** A boolean query parameter as DC reads it ({@code Boolean.valueOf}: "true" in any case); absent: {@code absent}. */
    static boolean flag(String value, boolean absent) {
        return value == null || value.isEmpty() ? absent : Boolean.parseBoolean(value);
    }

    private static java.util.List<String> list(String csv) {
        return csv == null || csv.isBlank() ? java.util.List.of() : java.util.List.of(csv.split("\\s*,\\s*"));
    }

    private void serverInfo(Context ctx) {
        Dc dc = dc(ctx);
        who(ctx, dc.runtime());
        ctx.json(DcJson.serverInfo(dc.base(), dc.runtime().instance(), tenant.get().clock().now()));
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(body);
    }

}
