package dev.jirasim.simulator.control;

import static dev.jirasim.simulator.common.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Problem;
import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.common.Version;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.world.OAuthApp;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The OAuth debugger: a 3LO client served by the simulator itself, with its callback registered on the default app,
 * so a browser walkthrough ends somewhere useful. It starts a sign-in, shows the code and state the callback receives,
 * exchanges the code on a click (over HTTP against this simulator's own token endpoint, as any app would), and shows
 * the tokens (masked), accessible-resources and /me.
 */
public final class DebuggerRoutes {
    public static final String PATH = "/__admin/debugger";
    public static final String CALLBACK = PATH + "/callback";
    static final String SCOPES = "read:jira-work read:jira-user read:me offline_access";
    // Built on the first exchange: a cold start should not pay for the TLS set-up a JDK client does when built.
    private static final dev.jirasim.simulator.common.Lazy<HttpClient> HTTP = dev.jirasim.simulator.common.Lazy.of(() ->
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Tenant> tenant;
    private final Supplier<String> publicUrl;
    private final Supplier<String> internalUrl;
    private final BrowserSession session;
    /** States this debugger handed out (the newest 100), so the callback can say whether the one it got is ours. */
    private final Set<String> states = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 100;
        }
    }));

    public DebuggerRoutes(Supplier<Tenant> tenant, Supplier<String> publicUrl, Supplier<String> internalUrl, BrowserSession session) {
        this.tenant = tenant;
        this.publicUrl = publicUrl;
        this.internalUrl = internalUrl;
        this.session = session;
    }

    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::start);
        routes.get(CALLBACK, this::callback);
        routes.post(PATH + "/exchange", this::exchange);
    }

    private List<OAuthApp> apps(String callback) {
        return new TenantControl(tenant.get(), publicUrl.get()).exportWorld().apps().stream()
                .filter(a -> a.callbackUrls().contains(callback)).toList();
    }

    private void start(Context ctx) {
        String base = publicUrl.get();
        String callback = base + CALLBACK;
        List<OAuthApp> apps = apps(callback);
        String state = newState();
        var sb = page("OAuth debugger", base);
        sb.append("<section><h2>1. Sign in</h2>");
        if (apps.isEmpty()) {
            sb.append("<p id='no-app' class='bad'>No app of this world registers <code>").append(esc(callback))
                    .append("</code> as a callback URL. The default world's <code>jirasim-client</code> does; add it to your app's ")
                    .append("<code>callbackUrls</code> to debug it here.</p>");
        } else {
            sb.append("<p>Goes to <code>/auth/authorize</code> as an app would, with this page as the <code>redirect_uri</code>. ")
                    .append("The consent page (or automatic consent, if set on the dashboard) decides; you come back here with a code.</p>")
                    .append("<form method='get' action='").append(esc(base)).append("/auth/authorize' class='row'>")
                    .append(hidden("audience", "api.atlassian.com")).append(hidden("redirect_uri", callback)).append(hidden("state", state))
                    .append(hidden("response_type", "code")).append(hidden("prompt", "consent"))
                    .append("<label>App <select name='client_id' id='client'>");
            for (OAuthApp a : apps) sb.append("<option>").append(esc(a.clientId())).append("</option>");
            sb.append("</select></label><label>Scopes <input name='scope' id='scope' size='48' value='").append(esc(SCOPES)).append("'></label>")
                    .append("<button id='start'>Sign in</button></form>");
        }
        sb.append("</section>");
        DashboardRoutes.pageHeaders(ctx);
        ctx.html(end(sb));
    }

    private void callback(Context ctx) {
        String base = publicUrl.get();
        String code = ctx.queryParam("code");
        String state = ctx.queryParam("state");
        String error = ctx.queryParam("error");
        var sb = page("OAuth debugger: callback", base);
        sb.append("<section><h2>2. The callback</h2><table>");
        row(sb, "state", state == null ? "(none)" : state, "state",
                state != null && states.contains(state) ? "<span class='ok' id='state-ok'>issued by this debugger</span>"
                        : "<span class='bad' id='state-unknown'>not issued by this debugger: a real app must refuse it</span>");
        if (error != null) {
            row(sb, "error", error, "error", esc(ctx.queryParam("error_description")));
            sb.append("</table><p><a href='").append(esc(base)).append(PATH).append("'>Start again</a></p></section>");
            DashboardRoutes.pageHeaders(ctx);
        ctx.html(end(sb));
            return;
        }
        row(sb, "code", code == null ? "(none)" : code, "code", "single use, valid for a few minutes");
        sb.append("</table>");
        if (code != null) {
            sb.append("<form method='post' action='").append(esc(base)).append(PATH).append("/exchange' class='row'>")
                    .append(hidden("csrf", session.csrfToken())).append(hidden("code", code)).append("<label>App <select name='client_id'>");
            for (OAuthApp a : apps(base + CALLBACK)) sb.append("<option>").append(esc(a.clientId())).append("</option>");
            sb.append("</select></label><button id='exchange'>Exchange the code for tokens</button></form>");
        }
        sb.append("</section>");
        DashboardRoutes.pageHeaders(ctx);
        ctx.html(end(sb));
    }

    private void exchange(Context ctx) {
        if (!session.formFromThisDashboard(ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Host"), ctx.formParam("csrf"))) {
            throw new Problem(403, "forbidden", "This form did not come from the debugger (CSRF check failed): start again.");
        }
        String base = publicUrl.get();
        String clientId = ctx.formParam("client_id");
        OAuthApp app = apps(base + CALLBACK).stream().filter(a -> a.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> AdminErrors.badRequest("No app '" + clientId + "' registers the debugger's callback."));
        ObjectNode form = Json.MAPPER.createObjectNode().put("grant_type", "authorization_code").put("client_id", app.clientId())
                .put("client_secret", app.clientSecret()).put("code", ctx.formParam("code")).put("redirect_uri", base + CALLBACK);
        var sb = page("OAuth debugger: tokens", base);
        Answer token = call("POST", "/auth/oauth/token", null, form.toString());
        sb.append("<section><h2>3. Token exchange</h2><p><code>POST /auth/oauth/token</code> → <span id='token-status'>")
                .append(token.status()).append("</span></p><pre id='token-response'>").append(esc(pretty(masked(token.json())))).append("</pre></section>");
        String access = token.json() == null ? null : token.json().path("access_token").asText(null);
        if (token.status() == 200 && access != null) {
            Answer resources = call("GET", "/api/oauth/token/accessible-resources", access, null);
            sb.append("<section><h2>4. accessible-resources</h2><p><code>GET /oauth/token/accessible-resources</code> → ").append(resources.status())
                    .append("</p><table id='resources'><tr><th>Site</th><th>cloudId</th><th>Scopes</th></tr>");
            if (resources.json() != null && resources.json().isArray()) {
                for (JsonNode r : resources.json()) {
                    sb.append("<tr><td>").append(esc(r.path("name").asText())).append(" <span class='muted'>").append(esc(r.path("url").asText()))
                            .append("</span></td><td><code>").append(esc(r.path("id").asText())).append("</code></td><td><code>")
                            .append(esc(String.join(" ", texts(r.path("scopes"))))).append("</code></td></tr>");
                }
            }
            sb.append("</table></section>");
            Answer me = call("GET", "/api/me", access, null);
            sb.append("<section><h2>5. /me</h2><p><code>GET /me</code> → <span id='me-status'>").append(me.status())
                    .append("</span> <span class='muted'>(needs the read:me scope)</span></p><pre id='me'>").append(esc(pretty(me.json()))).append("</pre></section>");
        }
        sb.append("<section><p><a href='").append(esc(base)).append(PATH).append("'>Start again</a> · <a href='").append(esc(base))
                .append("/'>Dashboard</a> (the new grant is listed there)</p></section>");
        DashboardRoutes.pageHeaders(ctx);
        ctx.html(end(sb));
    }

    record Answer(int status, JsonNode json) {
    }

    /** One request to this simulator, inside the same tenant, as the app on the other end of the flow would send it. */
    private Answer call(String method, String path, String bearer, String jsonBody) {
        var request = HttpRequest.newBuilder(URI.create(internalUrl.get() + path)).timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        if (jsonBody != null) request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        else request.method(method, HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<String> answer = HTTP.get().send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = answer.body().isBlank() ? null : Json.MAPPER.readTree(answer.body());
            } catch (IOException e) {
                json = Json.MAPPER.getNodeFactory().textNode(answer.body());
            }
            return new Answer(answer.statusCode(), json);
        } catch (IOException e) {
            throw new Problem(502, "bad_gateway", "The debugger could not reach this simulator at " + internalUrl.get() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(503, "unavailable", "Interrupted.");
        }
    }

    /** Token values shortened as everywhere else in the control API: the page may end up in a screenshot. */
    private static JsonNode masked(JsonNode json) {
        if (!(json instanceof ObjectNode o)) return json;
        ObjectNode copy = o.deepCopy();
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            if (copy.hasNonNull(field)) copy.put(field, Redact.secret(copy.get(field).asText()));
        }
        return copy;
    }

    private static List<String> texts(JsonNode array) {
        var out = new java.util.ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String pretty(JsonNode json) {
        if (json == null) return "(no body)";
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (IOException e) {
            return json.toString();
        }
    }

    private String newState() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        states.add(state);
        return state;
    }

    private static StringBuilder page(String title, String base) {
        var sb = new StringBuilder(4096);
        DashboardPage.head(sb, title);
        sb.append("<header><h1>OAuth debugger</h1><span>Jirasim ").append(esc(Version.current()))
                .append("</span><a href='").append(esc(base)).append("/'>Dashboard</a></header><main class='stack'>");
        return sb;
    }

    private static String end(StringBuilder sb) {
        return sb.append("</main></body></html>").toString();
    }

    private static String hidden(String name, String value) {
        return "<input type='hidden' name='" + esc(name) + "' value='" + esc(value) + "'>";
    }

    private static void row(StringBuilder sb, String name, String value, String id, String note) {
        sb.append("<tr><th>").append(esc(name)).append("</th><td><code id='").append(esc(id)).append("-value'>").append(esc(value))
                .append("</code></td><td>").append(note).append("</td></tr>");
    }
}
