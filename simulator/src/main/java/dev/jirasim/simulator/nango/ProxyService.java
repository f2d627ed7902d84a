package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import dev.jirasim.simulator.world.NangoStore;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /proxy/{endpoint}}: refresh if due, then forward to the provider's proxy base (or
 * {@code Base-Url-Override}) with the connection's access token, and pass the provider's answer through.
 * Nango's own failures get Nango's shape (reference nango.md §3.2).
 */
final class ProxyService {
    /** What comes back to the caller. */
    record Result(int status, Map<String, String> headers, byte[] body) {
    }

    private static final Set<String> PASSED_ON_SUCCESS = Set.of("content-type", "mcp-session-id", "x-request-id", "x-correlation-id");
    private static final Set<String> OWN_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade", "keep-alive",
            "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
            "proxy-authenticate", "proxy-authorization", "content-length", "date", "server");

    private ProxyService() {
    }

    /**
     * The headers read and checked, the target decided (integration, connection, URL), the request sent with
     * retries, and the answer passed on.
     *
     * @param header   request header lookup (case-insensitive)
     * @param endpoint the path after {@code /proxy}, with the query string
     */
    static Result forward(NangoContext ctx, String method, String endpoint, Function<String, String> header, List<String> headerNames, byte[] body) {
        ProxyHeaders request = ProxyHeaders.parse(header, headerNames);
        Target target = target(ctx, request, endpoint);
        return pass(send(ctx, method, body, request, target));
    }

    /**
     * The proxy's request headers, checked as Nango checks them (all problems in one {@code invalid_headers}
     * answer), and the headers that go on to the provider.
     */
    private record ProxyHeaders(String key, String connectionId, int retries, List<Integer> retryOn, String baseUrlOverride,
                                Map<String, String> passed) {
        static ProxyHeaders parse(Function<String, String> header, List<String> headerNames) {
            String key = header.apply("Provider-Config-Key");
            String connectionId = header.apply("Connection-Id");
            var errors = new ArrayList<Map<String, Object>>();
            if (key == null || key.isEmpty()) errors.add(NangoErrors.issue("invalid_type", "Required", List.of("provider-config-key")));
            else if (!dev.jirasim.simulator.common.Patterns.matches(key, "[a-zA-Z0-9~:.@ _-]{1,255}")) errors.add(NangoErrors.issue("invalid_string", "Invalid", List.of("provider-config-key")));
            if (connectionId == null || connectionId.isEmpty()) errors.add(NangoErrors.issue("invalid_type", "Required", List.of("connection-id")));
            else if (connectionId.length() > 255) errors.add(NangoErrors.issue("too_big", "String must contain at most 255 character(s)", List.of("connection-id")));
            int retries = 0;
            String retriesHeader = header.apply("Retries");
            if (retriesHeader != null && !retriesHeader.isEmpty()) {
                if (dev.jirasim.simulator.common.Patterns.matches(retriesHeader, "[0-9]{1,2}")) retries = Integer.parseInt(retriesHeader);
                else errors.add(NangoErrors.issue("invalid_type", "Expected number, received string", List.of("retries")));
            }
            String retryOn = header.apply("Retry-On");
            if (retryOn != null && !retryOn.isEmpty() && !dev.jirasim.simulator.common.Patterns.matches(retryOn, "\\d{1,3}(,\\d{1,3})*")) {
                errors.add(NangoErrors.issue("invalid_string", "Invalid", List.of("retry-on")));
            }
            String override = header.apply("Base-Url-Override");
            if (override != null && !override.isEmpty() && !dev.jirasim.simulator.common.Patterns.matches(override, "https?://.+")) {
                errors.add(NangoErrors.issue("invalid_string", "Invalid url", List.of("base-url-override")));
            }
            for (String flag : List.of("Decompress", "Forward-Headers-On-Redirect")) {
                String v = header.apply(flag);
                if (v != null && !v.isEmpty() && !v.equals("true") && !v.equals("false")) {
                    errors.add(NangoErrors.issue("invalid_enum_value", "Invalid enum value. Expected 'true' | 'false', received '" + v + "'",
                            List.of(flag.toLowerCase(Locale.ROOT))));
                }
            }
            if (!errors.isEmpty()) throw NangoErrors.invalid("invalid_headers", errors);
            var retryCodes = new ArrayList<Integer>();
            if (retryOn != null && !retryOn.isEmpty()) for (String code : retryOn.split(",")) retryCodes.add(Integer.parseInt(code));
            return new ProxyHeaders(key, connectionId, retries, List.copyOf(retryCodes), override == null || override.isEmpty() ? null : override,
                    passed(header, headerNames));
        }

        /** Content-Type and Accept, then every {@code Nango-Proxy-X} header as {@code X}. */
        private static Map<String, String> passed(Function<String, String> header, List<String> headerNames) {
            var headers = new LinkedHashMap<String, String>();
            String contentType = header.apply("Content-Type");
            if (contentType != null) headers.put("Content-Type", contentType);
            String accept = header.apply("Accept");
            headers.put("Accept", accept == null ? "application/json" : accept);
            for (String name : headerNames) {
                if (!name.regionMatches(true, 0, "Nango-Proxy-", 0, 12) || name.length() <= 12) continue;
                String forwarded = name.substring(12);
                // Headers that describe the hop (length, framing, host, connection) belong to the proxy's own request.
                if (OWN_HOP.contains(forwarded.toLowerCase(Locale.ROOT))) continue;
                headers.put(forwarded, header.apply(name));
            }
            return headers;
        }
    }

    /** Where the call goes: the integration, the connection as first read, and the provider URL. */
    private record Target(Integration integration, Connection connection, String url) {
    }

    private static Target target(NangoContext ctx, ProxyHeaders request, String endpoint) {
        NangoStore store = ctx.world().nango();
        Integration integration = store.integration(request.key())
                .orElseThrow(() -> NangoErrors.of(404, "unknown_provider_config", "Provider config not found: " + request.key()));
        Connection connection = store.connection(request.key(), request.connectionId())
                .orElseThrow(() -> NangoErrors.of(400, "server_error", "Failed to get connection"));
        String base = request.baseUrlOverride() == null
                ? NangoProvider.of(integration).proxyBase(ctx, connection.connectionConfig())
                : allowed(ctx, request.baseUrlOverride());
        return new Target(integration, connection, join(base, endpoint));
    }

    /** Sends with fresh credentials, trying again as {@code Retries} and {@code Retry-On} allow. */
    private static Upstream.Answer send(NangoContext ctx, String method, byte[] body, ProxyHeaders request, Target target) {
        Connection connection = target.connection();
        Upstream.Answer answer = null;
        for (int attempt = 0; attempt <= request.retries(); attempt++) {
            connection = token(ctx, target.integration(), connection);
            var headers = new LinkedHashMap<String, String>();
            headers.put("Authorization", "Bearer " + connection.credentials().accessToken());
            headers.putAll(request.passed());
            try {
                answer = ctx.upstream().send(method, target.url(), headers, body);
            } catch (IOException e) {
                if (attempt < request.retries()) continue;
                throw NangoErrors.of(400, "unknown_error", "The proxy could not reach the provider: " + e.getMessage());
            }
            int s = answer.status();
            boolean retryable = s >= 500 || s == 429 || s == 401 || request.retryOn().contains(s);
            if (!retryable || attempt == request.retries()) break;
            // No waiting: time in the simulator is its clock, which only tests move.
        }
        return answer;
    }

    private static Connection token(NangoContext ctx, Integration integration, Connection connection) {
        try {
            return CredentialService.fresh(ctx, integration, connection, false);
        } catch (CredentialService.RefreshFailed e) {
            if (e.backoff) throw NangoErrors.refreshBackoff();
            int status = e.status >= 400 && e.status < 600 ? e.status : 400;
            throw NangoErrors.of(status, "server_error", "Failed to get connection credentials: '" + firstLine(e.body) + "'");
        }
    }

    /** A Base-Url-Override may only point into this simulator or loopback: the proxy is no open relay. */
    private static String allowed(NangoContext ctx, String override) {
        String host = URI.create(override).getHost();
        boolean loopback = host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
        if (!loopback && !override.startsWith(ctx.publicBase().replaceFirst("/t/[^/]+$", ""))) {
            throw NangoErrors.of(400, "base_url_override_not_allowed", "Base-Url-Override must point at this simulator or a loopback address.");
        }
        return override;
    }

    static String join(String base, String endpoint) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (endpoint.isEmpty()) return b;
        return b + (endpoint.startsWith("/") ? endpoint : "/" + endpoint);
    }

    private static Result pass(Upstream.Answer answer) {
        var headers = new LinkedHashMap<String, String>();
        boolean error = answer.status() >= 400;
        for (var e : answer.headers().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (e.getValue().isEmpty() || name.startsWith(":")) continue;
            if (error ? !HOP_BY_HOP.contains(name) : PASSED_ON_SUCCESS.contains(name)) headers.put(e.getKey(), e.getValue().get(0));
        }
        return new Result(answer.status(), headers, answer.body());
    }

    private static String firstLine(String text) {
        if (text == null) return "";
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
