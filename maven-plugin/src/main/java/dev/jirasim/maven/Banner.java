package dev.jirasim.maven;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The simulator's banner line, {@code Jirasim <version> is listening on <url>}: with {@code --port 0} the only place
 * the chosen port is told. Reading it rather than picking a free port here and passing it on leaves no window in
 * which another process (a parallel build, a colleague's simulator) can take the port first.
 */
record Banner(String version, URI baseUrl) {
    private static final Pattern LINE = Pattern.compile("^Jirasim (\\S+) is listening on (https?://\\S+?)/?\\s*$");

    static Optional<Banner> parse(String line) {
        var m = LINE.matcher(line);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new Banner(m.group(1), URI.create(m.group(2))));
    }

    /** The port in the URL, or the scheme's default when the URL has none (a {@code --public-url} without one). */
    int port() {
        if (baseUrl.getPort() != -1) return baseUrl.getPort();
        return "https".equals(baseUrl.getScheme()) ? 443 : 80;
    }
}
