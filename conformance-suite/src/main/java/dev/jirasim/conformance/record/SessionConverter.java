package dev.jirasim.conformance.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jirasim.conformance.model.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recorded exchanges, in order, to a {@link Skeleton}: each request with its values templated (see
 * {@link Placeholders}), its observed status, the response's shape, and captures for the tokens and codes that
 * later requests use. Requests to the control API that a control step can express become that step.
 */
public final class SessionConverter {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Hop-by-hop and transport headers, and those the client adds to every request: none changes the behaviour.
    private static final Set<String> DROPPED = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "accept-encoding",
            "user-agent", "expect", "date", "http2-settings", "via", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto");

    private final String upstream;
    private final Target target;

    /** @param target the target the recording is written against, or null for the simulator's layout */
    public SessionConverter(String upstream, Target target) {
        this.upstream = upstream.replaceAll("/+$", "");
        this.target = target;
    }

    /** Converts and writes in one go: the scenario file's text. */
    public String yaml(String id, List<RecordedExchange> exchanges) {
        return SkeletonYaml.write(convert(id, exchanges));
    }

    Skeleton convert(String id, List<RecordedExchange> exchanges) {
        var bases = new BaseUrls(upstream, target == null ? Map.of() : target.baseUrls());
        var values = new Placeholders(target == null ? Map.of() : target.variables());
        var steps = new ArrayList<Skeleton.Step>();
        var located = new ArrayList<BaseUrls.Located>();
        var requires = new LinkedHashSet<String>();
        for (RecordedExchange x : exchanges) {
            int n = steps.size() + 1;
            BaseUrls.Located at = bases.locate(x.path());
            located.add(at);
            var control = ControlRequests.asStep(at, x, "Step " + n, values);
            if (control != null) {
                steps.add(control.step());
                requires.add(control.capability());
                continue;
            }
            if (at.variable().equals("admin") && at.rest().startsWith("/journal")) requires.add(dev.jirasim.conformance.model.Capability.JOURNAL);
            steps.add(http(n, x, at, values));
        }
        return new Skeleton(id, upstream, target != null, steps, BaseUrls.used(located), values.supplied().values(), requires);
    }

    private static Skeleton.Http http(int n, RecordedExchange x, BaseUrls.Located at, Placeholders values) {
        String where = "step " + n;
        String rest = values.inText(at.rest());
        var query = new LinkedHashMap<String, String>();
        String url = at.url(rest);
        if (x.rawQuery() != null && !x.rawQuery().isEmpty()) {
            Map<String, String> decoded = FormText.decode(x.rawQuery());
            if (decoded == null) url += "?" + values.inText(x.rawQuery());
            else decoded.forEach((k, v) -> query.put(k, values.value(k, v, where + " (query " + k + ")")));
        }
        var request = RequestBody.of(x, values, where);
        var headers = new LinkedHashMap<String, String>();
        for (var h : x.requestHeaders()) {
            String name = h.name().toLowerCase();
            if (DROPPED.contains(name) || headers.containsKey(h.name())) continue;
            if (name.equals("accept") && h.value().equals("*/*")) continue;
            if (name.equals("content-type") && request.setsContentType()) continue;
            headers.put(h.name(), header(name, h.value(), at, values, where));
        }
        var expectHeaders = new LinkedHashMap<String, String>();
        x.responseHeader("Location").filter(l -> x.status() / 100 == 3).ifPresent(l -> expectHeaders.put("Location", "{exists: true}"));
        x.responseHeader("Content-Type").filter(c -> !x.responseBody().isEmpty())
                .ifPresent(c -> expectHeaders.put("Content-Type", "{contains: " + Yaml.scalar(c.split(";")[0].trim()) + "}"));
        var captures = new LinkedHashMap<String, String>();
        List<Shapes.Check> checks = List.of();
        JsonNode body = parse(x.responseBody());
        if (body != null) {
            checks = Shapes.of(body);
            for (Shapes.Token t : Shapes.tokens(body)) {
                captures.put(values.captured(Placeholders.camel(t.member()), t.value()), "{json: " + Yaml.scalar(t.path()) + "}");
            }
        }
        x.responseHeader("Location").flatMap(SessionConverter::codeIn).ifPresent(code ->
                captures.put(values.captured("code", code), "{redirectQuery: code}"));
        String name = "Step " + n + ": " + x.method() + " " + rest + " answers " + x.status();
        return new Skeleton.Http(name, x.method(), url, headers, query, request.form(), request.json(), request.body(),
                x.status(), expectHeaders, checks, captures);
    }

    /** Credentials in headers become placeholders; a Nango bearer credential is the environment's secret key. */
    private static String header(String name, String value, BaseUrls.Located at, Placeholders values, String where) {
        if (name.equals("authorization")) {
            int space = value.indexOf(' ');
            if (space < 0) return values.credential("authorization", value, where + " (Authorization)");
            String scheme = value.substring(0, space);
            String base = scheme.equalsIgnoreCase("basic") ? "basicCredentials"
                    : at.variable().equals("nango") ? "nangoSecretKey" : "bearerToken";
            return scheme + " " + values.credential(base, value.substring(space + 1).trim(), where + " (Authorization)");
        }
        if (name.equals("cookie")) return values.credential("cookie", value, where + " (Cookie)");
        // X-Atlassian-Token carries "no-check", an XSRF opt-out, not a credential.
        if (name.matches(".*(api-key|apikey|secret|signature|session|token).*") && !name.equals("x-atlassian-token")) return values.credential(Placeholders.camel(name), value, where + " (" + name + ")");
        return values.inText(value);
    }

    private static java.util.Optional<String> codeIn(String location) {
        int q = location.indexOf('?');
        if (q < 0) return java.util.Optional.empty();
        Map<String, String> query = FormText.decode(location.substring(q + 1).replaceAll("#.*$", ""));
        return query == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(query.get("code")).filter(c -> !c.isEmpty());
    }

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return JSON.readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }

    /** A copy of a JSON tree with every string templated; members are judged by their names. */
    static JsonNode templated(JsonNode node, String member, Placeholders values, String where) {
        if (node.isTextual()) return JSON.getNodeFactory().textNode(values.value(member, node.asText(), where + " (" + member + ")"));
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), templated(e.getValue(), e.getKey(), values, where)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(templated(item, member, values, where)));
            return copy;
        }
        return node;
    }
}
