package dev.jirasim.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A few lines of java.net.http for the tests: status and body, bearer token or Basic credentials optional. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Answer(int status, String body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Http() {
    }

    static Answer get(String url, String token) {
        var b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    /** A GET with HTTP Basic {@code user:secret}: an API token on the site host, a password on Data Center. */
    static Answer getBasic(String url, String user, String secret) {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + credentials).GET().build());
    }

    static Answer postJson(String url, String token, String json) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String createIssue(JirasimHandle sim, String token, String project, String summary) {
        Answer a = postJson(sim.jiraUrl("acme") + "/rest/api/3/issue", token,
                "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"summary\":\"" + summary + "\",\"issuetype\":{\"name\":\"Task\"}}}");
        if (a.status() != 201) throw new AssertionError("create answered " + a.status() + ": " + a.body());
        return a.body().replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
    }
}
