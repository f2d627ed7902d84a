package dev.jirasim.simulator.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server that stands in for the apps webhooks are sent to, for tests (the JUnit extension's
 * {@code sim.webhooks()}) and the conformance suite's {@code awaitWebhook} steps: one per JVM, started on first use,
 * with one path per {@link WebhookInbox} ({@code /inbox/{n}}). A request to an inbox that was closed is a 404.
 * Not part of any emulated service: nothing in the simulator's own routes uses it.
 */
public final class WebhookReceiver {
    private static volatile WebhookReceiver instance;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, WebhookInbox> inboxes = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jirasim-webhook-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/inbox/", this::handle);
        server.start();
    }

    public static WebhookReceiver get() {
        WebhookReceiver r = instance;
        if (r != null) return r;
        synchronized (WebhookReceiver.class) {
            if (instance == null) {
                try {
                    instance = new WebhookReceiver();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the webhook receiver on loopback", e);
                }
            }
            return instance;
        }
    }

    /** A new, empty inbox with its own URL. */
    public WebhookInbox open() {
        String id = Long.toString(ids.incrementAndGet());
        var inbox = new WebhookInbox("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/inbox/" + id);
        inboxes.put(id, inbox);
        return inbox;
    }

    /** Forgets the inbox: requests to its URL are 404s from now on. */
    public void close(WebhookInbox inbox) {
        inboxes.values().remove(inbox);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String rest = path.substring("/inbox/".length());
            String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            WebhookInbox inbox = inboxes.get(id);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (inbox == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            var headers = new LinkedHashMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            inbox.record(new WebhookInbox.Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(headers), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(inbox.status(), -1);
        }
    }
}
