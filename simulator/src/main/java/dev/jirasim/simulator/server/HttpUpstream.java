package dev.jirasim.simulator.server;

import dev.jirasim.simulator.common.Lazy;
import dev.jirasim.simulator.nango.Upstream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** {@link Upstream} over java.net.http: HTTP/1.1, no redirects followed, bounded waits. */
public final class HttpUpstream implements Upstream {
    // Built on the first proxied call to a URL off this server: most runs never make one (see LocalUpstream).
    private final Lazy<HttpClient> client = Lazy.of(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());

    @Override
    public Answer send(String method, String url, Map<String, String> headers, byte[] body) throws IOException {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a usable URL: " + url, e);
        }
        headers.forEach(b::header);
        b.method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = client.get().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().map(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
