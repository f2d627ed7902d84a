package com.example.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately small Jira Cloud client of the kind real integrations contain: OAuth 2.0 (3LO) tokens that
 * it refreshes before they expire (keeping the rotated refresh token), site selection through
 * accessible-resources, enhanced JQL search paged by nextPageToken, issue creation, and a retry on 429 that
 * honours Retry-After. It knows nothing about Jirasim: tests point its two base URLs at the simulator.
 */
public final class TinyJira {
    /** How the client waits before a retry; production sleeps, tests move the simulator's clock. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public record Site(String cloudId, String name, String url, List<String> scopes) {
    }

    public record Tokens(String accessToken, String refreshToken, Instant expiresAt) {
    }

    public static final class JiraException extends RuntimeException {
        private final int status;

        JiraException(int status, String message) {
            super(status + ": " + message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final int MAX_RETRIES = 3;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String authUrl;
    private final String apiUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final Sleeper sleeper;
    private Tokens tokens;
    private int refreshes;

    /**
     * @param authUrl {@code https://auth.atlassian.com} in production
     * @param apiUrl  {@code https://api.atlassian.com} in production
     */
    public TinyJira(String authUrl, String apiUrl, String clientId, String clientSecret, Tokens tokens, Clock clock, Sleeper sleeper) {
        this.authUrl = authUrl;
        this.apiUrl = apiUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Tokens from a token-endpoint answer, with the expiry computed on this client's clock. */
    public static Tokens tokens(String accessToken, String refreshToken, long expiresInSeconds, Clock clock) {
        return new Tokens(accessToken, refreshToken, clock.instant().plusSeconds(expiresInSeconds));
    }

    public synchronized Tokens currentTokens() {
        return tokens;
    }

    public synchronized int refreshCount() {
        return refreshes;
    }

    /** The sites this token may use, as accessible-resources lists them. */
    public List<Site> sites() {
        JsonNode body = call("GET", apiUrl + "/oauth/token/accessible-resources", null);
        var sites = new ArrayList<Site>();
        for (JsonNode s : body) {
            var scopes = new ArrayList<String>();
            s.path("scopes").forEach(x -> scopes.add(x.asText()));
            sites.add(new Site(s.path("id").asText(), s.path("name").asText(), s.path("url").asText(), scopes));
        }
        return sites;
    }

    /** The site whose URL's first host label is {@code subdomain}. */
    public Optional<Site> site(String subdomain) {
        return sites().stream().filter(s -> URI.create(s.url()).getHost().startsWith(subdomain + ".")).findFirst();
    }

    /** Every issue key the JQL finds, following nextPageToken to the end. */
    public List<String> searchKeys(Site site, String jql) {
        var keys = new ArrayList<String>();
        String pageToken = null;
        do {
            String url = jira(site) + "/rest/api/3/search/jql?maxResults=25&jql=" + enc(jql)
                    + (pageToken == null ? "" : "&nextPageToken=" + enc(pageToken));
            JsonNode page = call("GET", url, null);
            page.path("issues").forEach(i -> keys.add(i.path("key").asText()));
            pageToken = page.path("isLast").asBoolean(true) ? null : page.path("nextPageToken").asText(null);
        } while (pageToken != null);
        return keys;
    }

    /** Creates a Task and returns its key. */
    public String createIssue(Site site, String projectKey, String summary) {
        var body = Map.of("fields", Map.of("project", Map.of("key", projectKey), "summary", summary, "issuetype", Map.of("name", "Task")));
        return call("POST", jira(site) + "/rest/api/3/issue", body).path("key").asText();
    }

    public String myEmail(Site site) {
        return call("GET", jira(site) + "/rest/api/3/myself", null).path("emailAddress").asText();
    }

    private String jira(Site site) {
        return apiUrl + "/ex/jira/" + site.cloudId();
    }

    private JsonNode call(String method, String url, Object body) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = send(method, url, body, validAccessToken());
            if (r.statusCode() == 429 && attempt < MAX_RETRIES) {
                long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                try {
                    sleeper.sleep(Duration.ofSeconds(seconds));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JiraException(429, "interrupted while waiting to retry");
                }
                continue;
            }
            if (r.statusCode() >= 400) throw new JiraException(r.statusCode(), r.body());
            try {
                return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw new JiraException(r.statusCode(), "unreadable body: " + r.body());
            }
        }
    }

    /** The access token, refreshed first when it expires within five minutes. */
    private synchronized String validAccessToken() {
        if (clock.instant().isAfter(tokens.expiresAt().minus(REFRESH_MARGIN))) refresh();
        return tokens.accessToken();
    }

    private void refresh() {
        if (tokens.refreshToken() == null) throw new JiraException(401, "the access token expired and there is no refresh token (offline_access)");
        var body = Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
                "refresh_token", tokens.refreshToken());
        HttpResponse<String> r = send("POST", authUrl + "/oauth/token", body, null);
        if (r.statusCode() != 200) throw new JiraException(r.statusCode(), "refresh failed: " + r.body());
        try {
            JsonNode t = JSON.readTree(r.body());
            // Atlassian rotates refresh tokens: keep the new one, the old one dies after a short leeway.
            tokens = tokens(t.path("access_token").asText(), t.path("refresh_token").asText(tokens.refreshToken()),
                    t.path("expires_in").asLong(), clock);
            refreshes++;
        } catch (IOException e) {
            throw new JiraException(r.statusCode(), "unreadable token answer");
        }
    }

    private HttpResponse<String> send(String method, String url, Object body, String bearer) {
        try {
            var b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
            if (bearer != null) b.header("Authorization", "Bearer " + bearer);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new JiraException(0, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JiraException(0, "interrupted");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
