package dev.jirasim.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.journal.JournalEntry;
import dev.jirasim.simulator.webhooks.DeliveryAttempt;
import dev.jirasim.simulator.webhooks.DeliveryFault;
import dev.jirasim.simulator.world.ApiToken;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.TokenState;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link SimulatorControl} over HTTP: each method is one call of the control API ({@code docs/control-api.md}),
 * for a simulator in another process, a container or a CI service. Needs only the JDK and Jackson.
 * <pre>{@code
 * SimulatorControl control = HttpSimulatorControl.of("http://localhost:8484/__admin");
 * control.reset();
 * control.advanceClock(Duration.ofHours(1));
 * }</pre>
 * The URL is the control API's base: {@code …/__admin} for the server's world, {@code …/t/{id}/__admin} for a
 * tenant's. A server started with {@code --admin-token} needs {@link #of(String, String)}.
 * <p>
 * A refusal throws what the in-process control throws for it: {@link WorldException} for an invalid world, consent
 * or token request and for an unknown user or Data Center instance, {@link IllegalArgumentException} for a clock
 * move, fault or API token lifetime the server refuses. Any other error status is a {@link ControlApiException} with
 * the server's message; no answer at all is an {@link java.io.UncheckedIOException}. Unlike in process,
 * {@link #advanceClock} moves by whole seconds only, {@link #createApiToken} takes whole days only, and
 * {@link #faults()} gives fault bodies back as JSON values (maps, lists, strings, numbers). Thread-safe.
 */
public final class HttpSimulatorControl implements SimulatorControl {
    private final ControlHttp http;

    private HttpSimulatorControl(ControlHttp http) {
        this.http = http;
    }

    /** The control API at {@code controlUrl} ({@code http://host:port/__admin} or {@code …/t/{id}/__admin}), no admin token. */
    public static HttpSimulatorControl of(String controlUrl) {
        return of(controlUrl, null);
    }

    /** The control API at {@code controlUrl}, sending {@code adminToken} (null: none) as {@code Authorization: Bearer}. */
    public static HttpSimulatorControl of(String controlUrl, String adminToken) {
        if (controlUrl == null) throw new IllegalArgumentException("the control API's URL is required, e.g. http://localhost:8484/__admin");
        String base = controlUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + controlUrl, e);
        }
        boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the control API's URL is an http(s) URL such as http://localhost:8484/__admin, not " + controlUrl);
        }
        return new HttpSimulatorControl(new ControlHttp(base, adminToken, exchange -> { }));
    }

    /** The same control, showing every call to {@code observer} once it went over the wire (for reports and debugging). */
    public HttpSimulatorControl observedBy(Consumer<ControlExchange> observer) {
        return new HttpSimulatorControl(http.observedBy(observer));
    }

    /** The control API's base URL, without a trailing slash. */
    public String url() {
        return http.base();
    }

    @Override
    public void reset() {
        http.send("POST", "/reset").orThrow();
    }

    @Override
    public WorldFile exportWorld() {
        ControlAnswer answer = http.send("GET", "/world").orThrow();
        try {
            return WorldFiles.parse(answer.body(), null);
        } catch (WorldException e) {
            throw answer.unreadable("a world file", e);
        }
    }

    @Override
    public void replaceWorld(WorldFile world) {
        http.sendJson("PUT", "/world", world).orThrow(400, WorldException::new);
    }

    @Override
    public void replaceWorld(String worldFile) {
        String text = worldFile == null ? "" : worldFile;
        // The server reads JSON or YAML whatever the type says; the type only tells a reader of the exchange.
        String type = text.stripLeading().startsWith("{") ? "application/json" : "application/yaml";
        http.send("PUT", "/world", text, type).orThrow(400, WorldException::new);
    }

    @Override
    public Instant now() {
        return clock().now();
    }

    @Override
    public boolean clockFrozen() {
        return clock().frozen();
    }

    /** {@code GET /__admin/clock}'s answer. */
    record ClockReading(Instant now, boolean frozen) {
    }

    private ClockReading clock() {
        return http.send("GET", "/clock").as(ClockReading.class);
    }

    @Override
    public void setClock(Instant now, Boolean frozen) {
        var body = new LinkedHashMap<String, Object>();
        if (now != null) body.put("now", now.toString());
        if (frozen != null) body.put("frozen", frozen);
        http.sendJson("PUT", "/clock", body).orThrow(400, IllegalArgumentException::new);
    }

    @Override
    public void advanceClock(Duration by) {
        if (by.getNano() != 0) throw new IllegalArgumentException("over HTTP the clock moves by whole seconds, not " + by);
        http.sendJson("POST", "/clock/advance", Map.of("seconds", by.getSeconds())).orThrow(400, IllegalArgumentException::new);
    }

    @Override
    public Consent consent() {
        return http.send("GET", "/consent").as(Consent.class);
    }

    @Override
    public void consent(Consent consent) {
        http.sendJson("PUT", "/consent", consent).orThrow(400, WorldException::new);
    }

    /** From the world export: {@code GET /__admin/tokens} masks token values, and the in-process control does not. */
    @Override
    public TokenState tokens() {
        return exportWorld().tokens();
    }

    @Override
    public IssuedTokens issueTokens(TokenRequestSpec spec) {
        return http.sendJson("POST", "/tokens", spec).orThrow(400, WorldException::new).as(IssuedTokens.class);
    }

    @Override
    public boolean revokeGrant(String grantId) {
        return revoked(http.sendJson("POST", "/tokens/revoke", Map.of("grantId", grantId))) > 0;
    }

    @Override
    public boolean revokeToken(String tokenOrId) {
        return revoked(http.sendJson("POST", "/tokens/revoke", Map.of("token", tokenOrId))) > 0;
    }

    @Override
    public int revokeUser(String user) {
        // Here a 404 is an unknown user, not "nothing to revoke" (that is {"revoked": 0}).
        return revoked(http.sendJson("POST", "/tokens/revoke", Map.of("user", user)).orThrow(404, WorldException::new));
    }

    private static int revoked(ControlAnswer answer) {
        if (answer.status() == 404) return 0;
        return answer.as(JsonNode.class).path("revoked").asInt();
    }

    @Override
    public ApiToken createApiToken(String user, String label, Duration lifetime) {
        if (user == null) throw new WorldException("unknown user null");
        var body = new LinkedHashMap<String, Object>();
        if (label != null) body.put("label", label);
        if (lifetime != null) {
            if (lifetime.getNano() != 0 || lifetime.getSeconds() % 86_400 != 0) {
                throw new IllegalArgumentException("over HTTP an API token lives whole days, not " + lifetime);
            }
            body.put("expiresInDays", lifetime.toDays());
        }
        return http.sendJson("POST", "/users/" + segment(user) + "/api-tokens", body)
                .refusing(404, WorldException::new).refusing(400, IllegalArgumentException::new).as(ApiToken.class);
    }

    @Override
    public boolean revokeApiToken(String user, String token) {
        // The server's 404 covers an unknown user and an unknown token alike: both are false here, as in process.
        if (user == null || token == null) return false;
        ControlAnswer answer = http.send("DELETE", "/users/" + segment(user) + "/api-tokens/" + segment(token));
        return answer.status() != 404 && answer.orThrow().ok();
    }

    @Override
    public void dcPassword(String instance, String username, String password) {
        if (instance == null || username == null) throw new WorldException("unknown Data Center instance or user: " + instance + ", " + username);
        // Built as a tree: the client's mapper leaves nulls out, and a null password is sent to remove it.
        var body = ControlHttp.JSON.createObjectNode().put("password", password);
        http.sendJson("PUT", "/dc/" + segment(instance) + "/users/" + segment(username) + "/password", body)
                .refusing(404, WorldException::new).refusing(400, IllegalArgumentException::new).orThrow();
    }

    @Override
    public List<Fault> addFaults(List<FaultRule> rules) {
        // The server refuses an empty list; in process it installs nothing, and so does this.
        if (rules.isEmpty()) return List.of();
        return http.sendJson("POST", "/faults", rules).orThrow(400, IllegalArgumentException::new).faults();
    }

    @Override
    public List<Fault> faults() {
        return http.send("GET", "/faults").faults();
    }

    @Override
    public boolean removeFault(String id) {
        ControlAnswer answer = http.send("DELETE", "/faults/" + segment(id));
        return answer.status() != 404 && answer.orThrow().ok();
    }

    @Override
    public void clearFaults() {
        http.send("DELETE", "/faults").orThrow();
    }

    @Override
    public void dcConsent(String instance, DcInstance.DcConsent consent) {
        http.sendJson("PUT", "/dc/" + segment(instance) + "/consent", consent).orThrow(400, WorldException::new);
    }

    @Override
    public List<JournalEntry> journal() {
        return http.send("GET", "/journal").as(JournalReading.class).requests();
    }

    /** {@code GET /__admin/journal}'s answer. */
    record JournalReading(List<JournalEntry> requests) {
        JournalReading {
            requests = requests == null ? List.of() : List.copyOf(requests);
        }
    }

    @Override
    public void clearJournal() {
        http.send("DELETE", "/journal").orThrow();
    }

    @Override
    public List<DeliveryAttempt> webhookDeliveries() {
        return http.send("GET", "/webhooks/deliveries").as(DeliveriesReading.class).deliveries();
    }

    /** {@code GET /__admin/webhooks/deliveries}' answer. */
    record DeliveriesReading(List<DeliveryAttempt> deliveries) {
        DeliveriesReading {
            deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
        }
    }

    @Override
    public void clearWebhookDeliveries() {
        http.send("DELETE", "/webhooks/deliveries").orThrow();
    }

    /** Waits at most a minute per call (the server's bound): a longer timeout waits in several calls. */
    @Override
    public boolean awaitWebhooksIdle(Duration timeout) {
        if (timeout == null || timeout.isNegative()) throw new IllegalArgumentException("the timeout must be zero or more, not " + timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            long wait = Math.min(left, WebhookAdminRoutes.MAX_WAIT_MS);
            boolean idle = http.sendJson("POST", "/webhooks/await-idle", Map.of("timeoutMs", wait)).orThrow(400, IllegalArgumentException::new)
                    .as(JsonNode.class).path("idle").asBoolean();
            if (idle || wait == left) return idle;
        }
    }

    @Override
    public DeliveryFault addWebhookFault(DeliveryFault fault) {
        if (fault == null) throw new IllegalArgumentException("a fault is required");
        return http.sendJson("POST", "/webhooks/faults", fault).orThrow(400, IllegalArgumentException::new).as(DeliveryFault.class);
    }

    @Override
    public List<DeliveryFault> webhookFaults() {
        return http.send("GET", "/webhooks/faults").orThrow().as(FaultsReading.class).faults();
    }

    /** {@code GET /__admin/webhooks/faults}' answer. */
    record FaultsReading(List<DeliveryFault> faults) {
        FaultsReading {
            faults = faults == null ? List.of() : List.copyOf(faults);
        }
    }

    @Override
    public void clearWebhookFaults() {
        http.send("DELETE", "/webhooks/faults").orThrow();
    }

    @Override
    public NangoSettings.Webhooks nangoWebhooks() {
        return http.send("GET", "/nango/webhooks").orThrow().as(NangoSettings.Webhooks.class);
    }

    @Override
    public void nangoWebhooks(NangoSettings.Webhooks settings) {
        http.sendJson("PUT", "/nango/webhooks", settings == null ? NangoSettings.Webhooks.DEFAULTS : settings)
                .orThrow(400, IllegalArgumentException::new);
    }

    @Override
    public String nangoWebhookSigningKey() {
        JsonNode key = http.send("GET", "/nango/webhook-signing-key").orThrow().as(JsonNode.class).path("webhookSigningKey");
        return key.isTextual() ? key.textValue() : null;
    }

    /** Names the URL and whether a token is set, never the token. */
    @Override
    public String toString() {
        return "HttpSimulatorControl[" + http.base() + (http.hasToken() ? ", admin token set]" : "]");
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
