package dev.jirasim.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A tiny webhook receiver on loopback for tests: records every request and answers with the status its
 * {@code answer} function gives for the n-th request (1, 2, …); 200 by default.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile IntUnaryOperator answer = n -> 200;

    /** One request as it arrived; header names in lower case. */
    public record Received(String method, String path, String query, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = new LinkedHashMap<String, String>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            int n;
            synchronized (received) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                        headers, new String(body, StandardCharsets.UTF_8)));
                n = received.size();
                received.notifyAll();
            }
            exchange.sendResponseHeaders(answer.applyAsInt(n), -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every request with {@code status}. */
    public WebhookReceiver answering(int status) {
        answer = n -> status;
        return this;
    }

    /** Answers the n-th request (from 1) with {@code answer.applyAsInt(n)}. */
    public WebhookReceiver answering(IntUnaryOperator answer) {
        this.answer = answer;
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits (at most {@code timeout}) until {@code n} requests have arrived; false when they did not. */
    public boolean awaitCount(int n, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < n) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return false;
                received.wait(left);
            }
            return true;
        }
    }

    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
