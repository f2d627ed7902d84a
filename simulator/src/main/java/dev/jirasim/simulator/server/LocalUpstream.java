package dev.jirasim.simulator.server;

import dev.jirasim.simulator.nango.Upstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;

/**
 * Simulated Nango's calls to the simulated providers, which live on this same server: handed to Jetty through an
 * in-memory connector instead of a loopback socket and the JDK client. The request still goes through every filter
 * and route (tenant routing, faults, the journal, token rotation), so nothing a client can observe changes; only the
 * socket, the client's connection pool and its selector thread are gone. Anything else goes out over real HTTP.
 */
final class LocalUpstream implements Upstream {
    /** Set by the connection itself, never copied from the caller's map. */
    private static final Set<String> FRAMING = Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade");
    private final Supplier<LocalConnector> connector;
    private final Supplier<String> localPrefix;
    private final Upstream remote;
    /**
     * Open in-memory connections, reused like a client's keep-alive pool: opening one per call went through the
     * connector's acceptor thread and built a new HTTP connection each time, a third of a proxied call's own cost.
     */
    private final ConcurrentLinkedQueue<Idle> idle = new ConcurrentLinkedQueue<>();
    private static final int MAX_IDLE = 64;
    /** Well inside the connector's idle timeout (30 s), so a connection is never taken just as Jetty closes it. */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private record Idle(LocalConnector.LocalEndPoint connection, long since) {
    }

    /** {@code localPrefix}: the scheme, host and port under which this server answers itself, e.g. {@code http://127.0.0.1:8484}. */
    LocalUpstream(Supplier<LocalConnector> connector, Supplier<String> localPrefix, Upstream remote) {
        this.connector = connector;
        this.localPrefix = localPrefix;
        this.remote = remote;
    }

    @Override
    public Answer send(String method, String url, Map<String, String> headers, byte[] body) throws IOException {
        String prefix = localPrefix.get();
        LocalConnector local = connector.get();
        if (local == null || !url.startsWith(prefix + "/")) return remote.send(method, url, headers, body);
        String target = url.substring(prefix.length());
        var head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(prefix.substring(prefix.indexOf("://") + 3)).append("\r\n");
        for (var h : headers.entrySet()) {
            if (FRAMING.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) continue;
            if (unsafe(h.getKey()) || unsafe(h.getValue())) throw new IOException("a header with a line break cannot be sent: " + h.getKey());
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > 0 || !(method.equals("GET") || method.equals("HEAD"))) head.append("Content-Length: ").append(content.length).append("\r\n");
        head.append("\r\n");
        if (unsafe(target)) throw new IOException("not a usable URL: " + url);
        var request = new ByteArrayOutputStream(head.length() + content.length);
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(content);
        LocalConnector.LocalEndPoint connection = reusable();
        if (connection == null) connection = local.connect();
        ByteBuffer raw;
        try {
            connection.addInput(ByteBuffer.wrap(request.toByteArray()));
            raw = connection.waitForResponse(method.equals("HEAD"), 60, TimeUnit.SECONDS);
        } catch (Exception e) {
            connection.close();
            throw new IOException("the simulated upstream did not answer: " + e.getMessage(), e);
        }
        HttpTester.Response response = raw == null ? null : HttpTester.parseResponse(raw);
        // Kept for the next call only when the server kept it open: after a "Connection: close", an injected fault or an
        // unreadable answer, it goes.
        if (response != null && connection.isOpen() && !closes(response) && idle.size() < MAX_IDLE) idle.offer(new Idle(connection, System.nanoTime()));
        else connection.close();
        if (raw == null) throw new IOException("the simulated upstream did not answer within 60 s");
        if (response == null) throw new IOException("the simulated upstream's answer could not be read");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (HttpField f : response) fields.computeIfAbsent(f.getName().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(f.getValue());
        byte[] answer = response.getContentBytes();
        return new Answer(response.getStatus(), fields, answer == null ? new byte[0] : answer);
    }

    /** An idle connection that is open and fresh, closing the others on the way; null when there is none. */
    private LocalConnector.LocalEndPoint reusable() {
        for (Idle i; (i = idle.poll()) != null; ) {
            if (i.connection().isOpen() && System.nanoTime() - i.since() < MAX_IDLE_NANOS) return i.connection();
            i.connection().close();
        }
        return null;
    }

    private static boolean closes(HttpTester.Response response) {
        String connection = response.get("Connection");
        return connection != null && connection.toLowerCase(java.util.Locale.ROOT).contains("close");
    }

    private static boolean unsafe(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }
}
