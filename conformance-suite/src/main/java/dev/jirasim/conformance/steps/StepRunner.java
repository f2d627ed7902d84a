package dev.jirasim.conformance.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.conformance.assertions.JsonChecks;
import dev.jirasim.conformance.model.Capture;
import dev.jirasim.conformance.model.Step;
import dev.jirasim.conformance.model.Target;
import dev.jirasim.conformance.parity.Endpoints;
import dev.jirasim.conformance.parity.Observation;
import dev.jirasim.simulator.common.Redact;
import dev.jirasim.simulator.control.ControlExchange;
import dev.jirasim.simulator.control.HttpSimulatorControl;
import dev.jirasim.simulator.receiver.WebhookInbox;
import dev.jirasim.simulator.receiver.WebhookReceiver;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs steps against a target. HTTP steps go through REST Assured, check their expectations and capture values;
 * control steps call the target's control API ({@code admin} base URL) through {@link HttpSimulatorControl}.
 * Throws {@link StepFailure} with every unmet expectation; the exchange is kept for the report either way.
 */
public final class StepRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_EVIDENCE = 16_384;
    private final Target target;
    private HttpSimulatorControl control;
    private Exchange last;
    private Observation observation;
    private WebhookInbox inbox;
    /** Arrival indexes of inbox requests earlier steps took: webhooks come unordered, so later steps look at the rest. */
    private final Set<Integer> webhooksTaken = new HashSet<>();

    public StepRunner(Target target) {
        this.target = target;
    }

    /** The exchange of the step run last (null for steps that failed before sending). */
    public Exchange lastExchange() {
        return last;
    }

    /** The whole answer to the HTTP step run last, for a parity run (null for other steps, or without an answer). */
    public Observation lastObservation() {
        return observation;
    }

    public void run(Step step, Variables vars) {
        last = null;
        observation = null;
        if (step instanceof Step.HttpStep http) runHttp(http, vars);
        else if (step instanceof Step.WebhookStep hook) runWebhook(hook, vars);
        else if (step instanceof Step.LetStep let) let.values().forEach((k, v) -> vars.put(k, Templates.render(v, vars)));
        else runControl((Step.ControlStep) step, vars);
    }

    /** An HTTP step's response did not yet meet its {@code retry.until}: worth another attempt. */
    private static final class NotYet extends StepFailure {
        NotYet(String message) {
            super(message);
        }
    }

    private void runHttp(Step.HttpStep step, Variables vars) {
        Step.Retry retry = step.retry();
        if (retry == null) {
            attempt(step, null, vars);
            return;
        }
        for (int n = 1; ; n++) {
            try {
                attempt(step, retry.until() == null ? step.expect() : retry.until(), vars);
                return;
            } catch (NotYet e) {
                if (n >= retry.times()) throw new StepFailure("still not so after " + retry.times() + " attempts:\n" + e.getMessage());
                pause(retry.intervalMillis());
            }
        }
    }

    /** The wait between two attempts at a live service that answers eventually: real time by nature. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted while waiting to retry");
        }
    }

    /** This scenario's webhook inbox URL (opened on first use). */
    public String webhookUrl() {
        if (inbox == null) inbox = WebhookReceiver.get().open();
        return inbox.url();
    }

    /** Closes the scenario's webhook inbox, if it opened one: later deliveries to it are 404s. */
    public void close() {
        if (inbox != null) WebhookReceiver.get().close(inbox);
        inbox = null;
    }

    /**
     * The first request to the inbox, in arrival order and not taken by an earlier step, that meets every
     * expectation; the others stay for later steps. A timeout lists what arrived and why each did not match.
     */
    private void runWebhook(Step.WebhookStep step, Variables vars) {
        webhookUrl();
        var reasons = new HashMap<Integer, List<String>>();
        WebhookInbox.Match hit;
        try {
            hit = inbox.awaitMatch(m -> {
                if (webhooksTaken.contains(m.index())) return false;
                List<String> failures = webhookFailures(step, m.received(), vars);
                if (!failures.isEmpty()) reasons.put(m.index(), failures);
                return failures.isEmpty();
            }, Duration.ofMillis(step.timeoutMillis()));
        } catch (AssertionError e) {
            var text = new StringBuilder("no matching webhook at ${webhookUrl} within " + step.timeoutMillis() / 1000 + " s");
            List<WebhookInbox.Received> all = inbox.received();
            if (all.size() == webhooksTaken.size()) text.append(": nothing new arrived");
            for (int i = 0; i < all.size(); i++) {
                if (webhooksTaken.contains(i)) continue;
                text.append("\nrequest ").append(i + 1).append(": ").append(String.join("; ", reasons.getOrDefault(i, List.of("?"))));
            }
            if (!all.isEmpty()) last = exchange(all.get(all.size() - 1), vars);
            throw new StepFailure(vars.mask(text.toString()));
        }
        webhooksTaken.add(hit.index());
        last = exchange(hit.received(), vars);
        Object document = JsonChecks.document(hit.received().body());
        var headers = flatHeaders(hit.received());
        for (Capture c : step.captures()) vars.put(c.variable(), capture(c, document, headers, vars));
    }

    private static List<String> webhookFailures(Step.WebhookStep step, WebhookInbox.Received r, Variables vars) {
        var failures = new ArrayList<String>(JsonChecks.checkHeaders(flatHeaders(r), step.expect().headers(), vars));
        Object document = step.expect().json().isEmpty() ? null : JsonChecks.document(r.body());
        failures.addAll(JsonChecks.checkJson(document, r.body(), step.expect().json(), vars));
        for (String text : step.expect().bodyContains()) {
            String rendered = Templates.render(text, vars);
            if (!r.body().contains(rendered)) failures.add("body should contain '" + rendered + "'");
        }
        return failures;
    }

    private static Map<String, String> flatHeaders(WebhookInbox.Received r) {
        var headers = new LinkedHashMap<String, String>();
        r.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        return headers;
    }

    private static Exchange exchange(WebhookInbox.Received r, Variables vars) {
        var shown = new LinkedHashMap<String, String>();
        flatHeaders(r).forEach((k, v) -> shown.put(k, vars.mask(k.equalsIgnoreCase("Authorization") ? Redact.authorization(v) : v)));
        String url = "${webhookUrl}" + r.path().replaceFirst("^/inbox/[^/]+", "") + (r.query() == null ? "" : "?" + r.query());
        return new Exchange(r.method(), url, shown, vars.mask(truncate(Redact.body(r.body()))), 0, Map.of(), null);
    }

    /** One request; {@code gate}, when given, must hold first (else {@link NotYet}), then the step's expectations. */
    private void attempt(Step.HttpStep step, dev.jirasim.conformance.model.Expectation gate, Variables vars) {
        String url = Templates.render(step.url(), vars);
        RequestSpecification spec = RestAssured.given()
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(step.followRedirects())))
                .urlEncodingEnabled(true);
        var sentHeaders = new LinkedHashMap<String, String>();
        step.headers().forEach((k, v) -> {
            String value = Templates.render(v, vars);
            spec.header(k, value);
            sentHeaders.put(k, k.equalsIgnoreCase("Authorization") ? Redact.authorization(value) : value);
        });
        // A query already in the URL (a captured Location, say) arrives encoded: decode it so it is sent once-encoded.
        int mark = url.indexOf('?');
        if (mark >= 0) {
            for (String pair : url.substring(mark + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                spec.queryParam(name, value);
            }
            url = url.substring(0, mark);
        }
        step.query().forEach((k, v) -> spec.queryParam(k, Templates.render(v, vars)));
        String sentBody = null;
        if (!step.form().isEmpty()) {
            var form = new LinkedHashMap<String, String>();
            step.form().forEach((k, v) -> form.put(k, Templates.render(v, vars)));
            if (!step.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
                spec.contentType("application/x-www-form-urlencoded; charset=UTF-8");
            }
            spec.formParams(form);
            sentBody = Redact.form(formText(form));
        } else if (step.json() != null) {
            String json = toJson(Templates.renderTree(step.json(), vars));
            if (!step.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"))) spec.contentType("application/json");
            spec.body(json);
            sentBody = Redact.json(json);
        } else if (step.body() != null) {
            String body = Templates.render(step.body(), vars);
            // Sent byte for byte whatever the Content-Type says (REST Assured would otherwise try to form-encode it).
            spec.config(RestAssuredConfig.config()
                    .redirect(RedirectConfig.redirectConfig().followRedirects(step.followRedirects()))
                    .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                            .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
            spec.body(body.getBytes(StandardCharsets.UTF_8));
            sentBody = Redact.body(body);
        }
        String shownUrl = vars.mask(Redact.form(withQuery(url, step.query(), vars)));
        Response response;
        try {
            response = spec.request(step.method(), url);
        } catch (RuntimeException e) {
            last = new Exchange(step.method(), shownUrl, sentHeaders, vars.mask(sentBody), 0, Map.of(), null);
            throw new StepFailure("request failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        String body = response.asString();
        var headers = new LinkedHashMap<String, String>();
        response.headers().forEach(h -> headers.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b));
        var shownHeaders = new LinkedHashMap<String, String>();
        sentHeaders.forEach((k, v) -> shownHeaders.put(k, vars.mask(v)));
        last = new Exchange(step.method(), shownUrl, shownHeaders, vars.mask(sentBody), response.statusCode(),
                mask(headers, vars), vars.mask(truncate(Redact.body(body))));
        observation = new Observation(step.method(), vars.mask(Endpoints.relativize(url, target.baseUrls())), response.statusCode(),
                mask(headers, vars), vars.mask(body), step.compare().stream().map(c -> Templates.render(c, vars)).toList());

        boolean needsJson = !step.expect().json().isEmpty() || !noJsonCapture(step.captures()) || (gate != null && !gate.json().isEmpty());
        Object document = needsJson ? JsonChecks.document(body) : null;
        if (gate != null) {
            List<String> notYet = failures(gate, response.statusCode(), headers, body, document, vars);
            if (!notYet.isEmpty()) throw new NotYet(vars.mask(String.join("\n", notYet)));
        }
        List<String> failures = failures(step.expect(), response.statusCode(), headers, body, document, vars);
        if (!failures.isEmpty()) throw new StepFailure(vars.mask(String.join("\n", failures)));
        for (Capture c : step.captures()) vars.put(c.variable(), capture(c, document, headers, vars));
    }

    private static List<String> failures(dev.jirasim.conformance.model.Expectation expect, int status, Map<String, String> headers, String body,
                                         Object document, Variables vars) {
        var failures = new ArrayList<String>();
        if (!expect.statuses().isEmpty() && !expect.statuses().contains(status)) {
            failures.add("status: expected " + statuses(expect.statuses()) + " but was " + status);
        }
        failures.addAll(JsonChecks.checkHeaders(headers, expect.headers(), vars));
        failures.addAll(JsonChecks.checkJson(document, body, expect.json(), vars));
        for (String text : expect.bodyContains()) {
            String rendered = Templates.render(text, vars);
            if (!body.contains(rendered)) failures.add("body should contain '" + rendered + "'");
        }
        return failures;
    }

    private static boolean noJsonCapture(List<Capture> captures) {
        return captures.stream().noneMatch(c -> c.from() == Capture.From.JSON);
    }

    private static String capture(Capture c, Object document, Map<String, String> headers, Variables vars) {
        switch (c.from()) {
            case JSON -> {
                Object value = JsonChecks.read(document, Templates.render(c.expression(), vars))
                        .orElseThrow(() -> new StepFailure("capture " + c.variable() + ": nothing at " + c.expression()));
                // A filter always answers a list; one that finds exactly one value captures that value.
                if (c.expression().contains("[?(") && value instanceof List<?> found) {
                    if (found.size() != 1) throw new StepFailure("capture " + c.variable() + ": " + found.size() + " values at " + c.expression() + ", not one");
                    value = found.get(0);
                }
                return value instanceof String s ? s : value == JsonChecks.MISSING_NULL ? "null" : toJson(value);
            }
            case HEADER -> {
                return header(headers, c.expression()).orElseThrow(() -> new StepFailure("capture " + c.variable() + ": no header " + c.expression()));
            }
            default -> {
                String location = header(headers, "Location").orElseThrow(() -> new StepFailure("capture " + c.variable() + ": no Location header"));
                String value = queryParam(location, c.expression());
                if (value == null) throw new StepFailure("capture " + c.variable() + ": no '" + c.expression() + "' in the redirect's query");
                return value;
            }
        }
    }

    private void runControl(Step.ControlStep step, Variables vars) {
        var calls = new ArrayList<ControlExchange>();
        try {
            ControlSteps.run(control().observedBy(calls::add), step, vars);
        } catch (StepFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StepFailure(controlFailure(step, calls, e));
        } finally {
            // The call as it went over the wire, for the report; none when the step failed before sending.
            if (!calls.isEmpty()) last = exchange(calls.get(calls.size() - 1), vars);
        }
    }

    /** The target's control API; a simulator bound off loopback protects it with --admin-token, which the target names. */
    private HttpSimulatorControl control() {
        if (control == null) {
            String admin = target.baseUrls().get("admin");
            if (admin == null) throw new StepFailure("the target has no 'admin' base URL for control steps");
            try {
                control = HttpSimulatorControl.of(admin, target.variables().get("adminToken"));
            } catch (IllegalArgumentException e) {
                throw new StepFailure("the target's 'admin' base URL: " + e.getMessage());
            }
        }
        return control;
    }

    private static String controlFailure(Step.ControlStep step, List<ControlExchange> calls, RuntimeException e) {
        ControlExchange call = calls.isEmpty() ? null : calls.get(calls.size() - 1);
        if (call != null && call.status() == 0) return "control request failed: " + e.getMessage();
        if (call != null && call.status() / 100 != 2) {
            return "control step " + step.kind().key + " answered " + call.status() + ": " + truncate(call.responseBody());
        }
        return "control step " + step.kind().key + ": " + e.getMessage();
    }

    private static Exchange exchange(ControlExchange call, Variables vars) {
        return new Exchange(call.method(), call.url(), Map.of(), vars.mask(call.requestBody()), call.status(), Map.of(),
                vars.mask(truncate(call.responseBody())));
    }

    /** Resets the target's world: what runs before each scenario on a target with the 'seed' capability. */
    public void reset() {
        runControl(new Step.ControlStep("reset", null, Step.ControlStep.Kind.RESET, null), new Variables(k -> null));
    }

    private static Map<String, String> mask(Map<String, String> headers, Variables vars) {
        var out = new LinkedHashMap<String, String>();
        headers.forEach((k, v) -> out.put(k, vars.mask(k.equalsIgnoreCase("Authorization") ? Redact.authorization(v)
                : k.equalsIgnoreCase("Location") ? Redact.form(v) : v)));
        return out;
    }

    private static java.util.Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    static String queryParam(String location, String name) {
        String raw;
        try {
            raw = URI.create(location).getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw == null) return null;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static String withQuery(String url, Map<String, String> query, Variables vars) {
        if (query.isEmpty()) return url;
        var form = new LinkedHashMap<String, String>();
        query.forEach((k, v) -> form.put(k, Templates.render(v, vars)));
        return url + (url.contains("?") ? "&" : "?") + formText(form);
    }

    private static String formText(Map<String, String> form) {
        var parts = new ArrayList<String>();
        form.forEach((k, v) -> parts.add(k + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    private static String statuses(java.util.Set<Integer> statuses) {
        return statuses.size() == 1 ? statuses.iterator().next().toString() : "one of " + new java.util.TreeSet<>(statuses);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StepFailure("cannot write JSON: " + e.getOriginalMessage());
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_EVIDENCE ? text : text.substring(0, MAX_EVIDENCE) + "\n…(truncated)";
    }
}
