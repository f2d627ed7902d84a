package dev.jirasim.simulator.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jirasim.simulator.common.Json;
import dev.jirasim.simulator.common.Redact;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The wire under {@link HttpSimulatorControl}: one request per call, the answer's status and text back, every
 * exchange shown to the observer. The admin token goes into the Authorization header and nowhere else (not
 * into exchanges, exception messages or {@code toString}), so it cannot reach a log through this class; nor
 * does an API token sent in a path (exchanges and messages show the URL masked).
 */
final class ControlHttp {
    // HTTP/1.1: for a plain-http URL the JDK client would otherwise offer an h2c upgrade the simulator does not take.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    // Generous: replacing or resetting a large world is the slowest call, and a hung server should still end a test.
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Writes what the server reads strictly (no nulls), reads tolerantly: a newer server may add members to its answers. */
    static final ObjectMapper JSON = Json.MAPPER.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String base;
    private final String adminToken;
    private final Consumer<ControlExchange> observer;

    /** {@code adminToken} null or empty: the server has none (it listens on loopback). */
    ControlHttp(String base, String adminToken, Consumer<ControlExchange> observer) {
        this.base = base;
        this.adminToken = adminToken == null || adminToken.isEmpty() ? null : adminToken;
        this.observer = observer;
    }

    String base() {
        return base;
    }

    boolean hasToken() {
        return adminToken != null;
    }

    ControlHttp observedBy(Consumer<ControlExchange> next) {
        return new ControlHttp(base, adminToken, next);
    }

    /** {@code value} as a JSON body. */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be sent as JSON: " + e.getOriginalMessage(), e);
        }
    }

    ControlAnswer send(String method, String path) {
        return send(method, path, null, null);
    }

    ControlAnswer sendJson(String method, String path, Object value) {
        return send(method, path, json(value), "application/json");
    }

    /** Sends one call; {@code body} null sends none. Any status comes back; only a failure to get an answer throws. */
    ControlAnswer send(String method, String path, String body, String contentType) {
        // What messages and the observer see: an API token in the path (a revocation) is masked there.
        String url = Redact.path(base + path);
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) request.header("Content-Type", contentType);
        if (adminToken != null) request.header("Authorization", "Bearer " + adminToken);
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            observer.accept(new ControlExchange(method, url, body, 0, null));
            // The JDK's ConnectException has no message: its type is the message.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new UncheckedIOException(method + " " + url + " got no answer: " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            observer.accept(new ControlExchange(method, url, body, 0, null));
            throw new UncheckedIOException(new InterruptedIOException(method + " " + url + " was interrupted"));
        }
        observer.accept(new ControlExchange(method, url, body, response.statusCode(), response.body()));
        return new ControlAnswer(method, url, response.statusCode(), response.body());
    }
}
