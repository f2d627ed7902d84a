package dev.jirasim.conformance.mutation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A loopback proxy in front of a real simulator that can answer "plausibly but wrongly": each
 * {@link Mutation} rewrites exchanges on the way through. With no mutation it is transparent.
 */
public final class MutatingProxy implements AutoCloseable {
    // accept-encoding too: the proxy reads bodies as text, so it asks the simulator for them uncompressed.
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding", "date", "accept-encoding");

    /** One exchange as the mutation sees it; {@code upstream} true means "forward to the simulator". */
    public record Exchange(String method, String path, String query, String requestBody, int status,
                    Map<String, String> headers, String body) {
        public Exchange withStatus(int s) {
            return new Exchange(method, path, query, requestBody, s, headers, body);
        }

        public Exchange withBody(String b) {
            return new Exchange(method, path, query, requestBody, status, headers, b);
        }

        public Exchange withHeader(String name, String value) {
            var h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Exchange(method, path, query, requestBody, status, h, body);
        }
    }

    /** A named wrong behaviour: {@code skipUpstream} answers without asking the simulator. */
    public record Mutation(String name, java.util.function.Predicate<Exchange> skipUpstream, UnaryOperator<Exchange> rewrite) {
        public static Mutation rewriting(String name, UnaryOperator<Exchange> rewrite) {
            return new Mutation(name, e -> false, rewrite);
        }
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile String upstream;
    private volatile Mutation mutation;

    public MutatingProxy(String upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /**
     * Points the proxy at its simulator after the fact: a simulator whose public URL is the proxy's (so that the
     * redirects it emits come back through the proxy) can only start once the proxy has its port.
     */
    public void upstream(String url) {
        this.upstream = url;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mutate(Mutation next) {
        this.mutation = next;
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String body = new String(http.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String path = http.getRequestURI().getRawPath();
            String query = http.getRequestURI().getRawQuery();
            var request = new Exchange(http.getRequestMethod(), path, query, body, 0, Map.of(), "");
            Mutation m = mutation;
            Exchange response;
            if (m != null && m.skipUpstream().test(request)) {
                response = request.withStatus(200).withHeader("Content-Type", "application/json").withBody("{}");
            } else {
                response = forward(http, request);
            }
            if (m != null) response = m.rewrite().apply(response);
            response.headers().forEach((k, v) -> http.getResponseHeaders().add(k, v));
            byte[] out = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            http.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) http.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Exchange forward(HttpExchange http, Exchange request) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(upstream + request.path() + (request.query() == null ? "" : "?" + request.query())))
                .method(request.method(), request.requestBody().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.requestBody()));
        http.getRequestHeaders().forEach((k, values) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase())) values.forEach(v -> builder.header(k, v));
        });
        HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        var headers = new LinkedHashMap<String, String>();
        r.headers().map().forEach((k, v) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase()) && !k.startsWith(":")) headers.put(k, String.join(", ", v));
        });
        return new Exchange(request.method(), request.path(), request.query(), request.requestBody(), r.statusCode(), headers, r.body());
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
