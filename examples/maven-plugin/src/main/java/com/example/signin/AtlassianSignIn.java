package com.example.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server side of "Sign in with Atlassian" (OAuth 2.0 3LO): the authorization URL to send a browser to, the code
 * exchange, and the sites the token reaches. The hosts are configurable, so tests point it at Jirasim.
 */
public final class AtlassianSignIn {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String authUrl;
    private final String apiUrl;
    private final String clientId;
    private final String clientSecret;
    private final String callback;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The sites a token reaches, as accessible-resources lists them. */
    public record Site(String id, String name, String url) {
    }

    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    /** For the real services: {@code https://auth.atlassian.com} and {@code https://api.atlassian.com}. */
    public AtlassianSignIn(String authUrl, String apiUrl, String clientId, String clientSecret, String callback) {
        this.authUrl = authUrl;
        this.apiUrl = apiUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.callback = callback;
    }

    public URI authorizationUrl(String scope, String state) {
        return URI.create(authUrl + "/authorize?audience=api.atlassian.com&client_id=" + encode(clientId) + "&scope=" + encode(scope)
                + "&redirect_uri=" + encode(callback) + "&state=" + encode(state) + "&response_type=code&prompt=consent");
    }

    public Tokens exchange(String code) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("grant_type", "authorization_code", "client_id", clientId,
                "client_secret", clientSecret, "code", code, "redirect_uri", callback));
        var request = HttpRequest.newBuilder(URI.create(authUrl + "/oauth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        JsonNode answer = send(request);
        return new Tokens(answer.path("access_token").asText(), answer.path("refresh_token").asText(null), answer.path("expires_in").asLong());
    }

    public List<Site> sites(Tokens tokens) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(apiUrl + "/oauth/token/accessible-resources"))
                .header("Authorization", "Bearer " + tokens.accessToken()).header("Accept", "application/json").build();
        var sites = new ArrayList<Site>();
        for (JsonNode site : send(request)) sites.add(new Site(site.path("id").asText(), site.path("name").asText(), site.path("url").asText()));
        return sites;
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
