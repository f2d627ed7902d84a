package com.example.jiraissues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser without a screen: it keeps cookies (the app's session) and follows redirects, which is all the
 * sign-in needs when Jirasim approves consent by itself. Each instance is a new person at a new browser.
 */
final class Browser {
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /**
     * The final page, after every redirect. The Accept header is a browser's: Spring Security remembers the page a
     * person asked for before sending them to sign in, but not a request that asks for JSON by name.
     */
    HttpResponse<String> get(String url) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build();
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every URL the browser was at on the way to this response, first to last. */
    static List<URI> trail(HttpResponse<?> response) {
        var trail = new ArrayList<URI>();
        for (HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) trail.add(0, r.uri());
        return trail;
    }
}
