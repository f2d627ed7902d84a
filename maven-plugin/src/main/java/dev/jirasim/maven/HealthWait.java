package dev.jirasim.maven;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Polls {@code GET /__admin/health} until it answers 200 {@code "ready"} (503 {@code "starting"} while the world
 * loads; no admin token needed), the deadline passes, or the process being waited for has gone.
 */
final class HealthWait {
    static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern READY = Pattern.compile("\"status\"\\s*:\\s*\"ready\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"");

    /** Waits between polls; true when what is being waited for has gone (the process exited), so waiting is over. */
    @FunctionalInterface
    interface Pause {
        boolean gone(Duration duration) throws InterruptedException;
    }

    private HealthWait() {
    }

    static URI healthUrl(URI baseUrl) {
        return URI.create(baseUrl.toString().replaceFirst("/+$", "") + "/__admin/health");
    }

    /** The version the health probe reports, once it answers ready. */
    static String await(URI baseUrl, Instant deadline, Pause pause) throws SimulatorException, InterruptedException {
        URI health = healthUrl(baseUrl);
        HttpClient client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        var request = HttpRequest.newBuilder(health).timeout(REQUEST_TIMEOUT).GET().build();
        String last;
        while (true) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && READY.matcher(response.body()).find()) {
                    var version = VERSION.matcher(response.body());
                    return version.find() ? version.group(1) : "unknown";
                }
                last = response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new SimulatorException("GET " + health + " did not answer ready in time; last answer: " + last);
            }
            if (pause.gone(left.compareTo(POLL) < 0 ? left : POLL)) {
                throw new SimulatorException("the simulator exited while waiting for GET " + health + " (last answer: " + last + ")");
            }
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
