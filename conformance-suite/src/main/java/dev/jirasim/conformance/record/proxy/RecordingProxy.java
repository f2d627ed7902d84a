package dev.jirasim.conformance.record.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jirasim.conformance.record.RecordedExchange;
import dev.jirasim.conformance.record.RecorderConfig;
import dev.jirasim.conformance.record.SessionConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code record} subcommand's proxy: listens on loopback, forwards every request to the upstream unchanged,
 * and keeps each exchange. {@link #close()} (the CLI calls it from a shutdown hook) writes them as a scenario
 * skeleton; the conversion itself is {@link SessionConverter}'s.
 *
 * <pre>{@code
 * try (var recorder = RecordingProxy.start(new RecorderConfig(upstream, 0, out, null))) {
 *     // point the client at recorder.baseUrl() and drive it
 * }   // out now holds the session
 * }</pre>
 */
public final class RecordingProxy implements AutoCloseable {
    // Headers the JDK client sets itself or refuses, and accept-encoding: bodies are recorded as text.
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date", "accept-encoding", "http2-settings");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "content-length", "transfer-encoding", "keep-alive", "date");

    private record Numbered(long seq, RecordedExchange exchange) {
    }

    private final RecorderConfig config;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicLong arrivals = new AtomicLong();
    private final List<Numbered> recorded = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean written;

    private RecordingProxy(RecorderConfig config) throws IOException {
        this.config = config;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public static RecordingProxy start(RecorderConfig config) throws IOException {
        var proxy = new RecordingProxy(config);
        proxy.server.start();
        return proxy;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Blocks until {@link #close()} has written the file. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** The exchanges so far, in the order their requests arrived. */
    public List<RecordedExchange> exchanges() {
        synchronized (recorded) {
            return recorded.stream().sorted(Comparator.comparingLong(Numbered::seq)).map(Numbered::exchange).toList();
        }
    }

    /** Stops listening and writes the scenario; later calls do nothing. Nothing recorded, nothing written. */
    @Override
    public synchronized void close() {
        if (written) return;
        written = true;
        server.stop(0);
        executor.shutdownNow();
        try {
            List<RecordedExchange> session = exchanges();
            if (!session.isEmpty()) {
                Path out = config.out().toAbsolutePath();
                Files.createDirectories(out.getParent());
                Files.writeString(out, new SessionConverter(config.upstream(), config.target()).yaml(scenarioId(out), session));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closed.countDown();
        }
    }

    private void handle(HttpExchange http) throws IOException {
        long seq = arrivals.incrementAndGet();
        try (http) {
            byte[] requestBody = http.getRequestBody().readAllBytes();
            URI uri = http.getRequestURI();
            String target = config.upstream() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            var builder = HttpRequest.newBuilder(URI.create(target)).method(http.getRequestMethod(),
                    requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            var requestHeaders = new ArrayList<RecordedExchange.Header>();
            http.getRequestHeaders().forEach((name, values) -> values.forEach(v -> {
                requestHeaders.add(new RecordedExchange.Header(name, v));
                if (!NOT_FORWARDED.contains(name.toLowerCase())) builder.header(name, v);
            }));
            HttpResponse<byte[]> response;
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // Not recorded: the upstream never answered, so there is no behaviour to replay.
                byte[] msg = ("jirasim record: upstream " + config.upstream() + " did not answer: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
                http.sendResponseHeaders(502, msg.length);
                http.getResponseBody().write(msg);
                return;
            }
            var responseHeaders = new ArrayList<RecordedExchange.Header>();
            response.headers().map().forEach((name, values) -> {
                if (name.startsWith(":") || NOT_RETURNED.contains(name.toLowerCase())) return;
                values.forEach(v -> {
                    responseHeaders.add(new RecordedExchange.Header(name, v));
                    http.getResponseHeaders().add(name, v);
                });
            });
            byte[] body = response.body();
            boolean empty = body.length == 0 || http.getRequestMethod().equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304;
            synchronized (recorded) {
                recorded.add(new Numbered(seq, new RecordedExchange(http.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), requestHeaders,
                        new String(requestBody, StandardCharsets.UTF_8), response.statusCode(), responseHeaders, new String(body, StandardCharsets.UTF_8))));
            }
            http.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
            if (!empty) http.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The scenario id from the file name: {@code my-session.yaml} gives {@code my-session}. */
    static String scenarioId(Path out) {
        String id = out.getFileName().toString().replaceAll("\\.(ya?ml)$", "").toLowerCase()
                .replaceAll("[^a-z0-9.\\-]+", "-").replaceAll("^[^a-z0-9]+", "");
        return id.isEmpty() ? "recorded-session" : id;
    }
}
