package dev.jirasim.simulator;

import dev.jirasim.simulator.world.CloudOptions;
import java.nio.file.Path;

/**
 * How to run a simulator. Use {@link #builder()}; every option has a named default.
 *
 * @param host      interface to bind; loopback by default
 * @param port      port to bind; 0 picks a free one
 * @param publicUrl base of every absolute URL the simulator emits; null means {@code http://localhost:PORT}
 * @param fixture   world file (YAML or JSON) to seed the default tenant; null means the built-in default world
 * @param siteUrls  where URLs that name a site point, overriding the world file's {@code cloud.siteUrls}; null: as the world says
 * @param noAdmin   true: no control API over HTTP ({@code /__admin} answers 404), so the server stands in for a live
 *                  service that has none; the in-process {@link JirasimServer#control()} still works
 */
public record SimulatorConfig(String host, int port, String publicUrl, Path fixture, String adminToken, Path state, CloudOptions.SiteUrls siteUrls,
                              boolean noAdmin) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8484;
    /** Largest request body any emulated host accepts (bigger ones get that host's 413). */
    public static final long MAX_REQUEST_BYTES = dev.jirasim.simulator.common.Limits.MAX_REQUEST_BYTES;

    public SimulatorConfig {
        if (host == null || host.isBlank()) host = DEFAULT_HOST;
        if (adminToken != null && adminToken.isBlank()) adminToken = null;
        // Off loopback the control API would let anyone on the network rewrite the world: demand a token.
        if (!isLoopback(host) && adminToken == null && !noAdmin) {
            throw new IllegalArgumentException("binding to " + host + " exposes the control API to the network; start with --admin-token");
        }
        if (adminToken != null && adminToken.length() < 16) throw new IllegalArgumentException("the admin token must be at least 16 characters");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        if (publicUrl != null) {
            publicUrl = publicUrl.replaceAll("/+$", "");
            if (!publicUrl.matches("https?://[^\\s/]+(/\\S*)?")) throw new IllegalArgumentException("public URL must be an http(s) URL: " + publicUrl);
        }
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.equals("::1") || h.startsWith("127.");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The public base URL once the real port is known. */
    public String publicUrlFor(int boundPort) {
        return publicUrl != null ? publicUrl : "http://localhost:" + boundPort;
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String publicUrl;
        private Path fixture;
        private String adminToken;
        private Path state;
        private CloudOptions.SiteUrls siteUrls;
        private boolean noAdmin;

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Binds a free port: what tests want. */
        public Builder randomPort() {
            return port(0);
        }

        public Builder publicUrl(String publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        public Builder fixture(Path fixture) {
            this.fixture = fixture;
            return this;
        }

        /** Required off loopback: every control API request must then carry {@code Authorization: Bearer <token>}. */
        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken;
            return this;
        }

        /** Keeps the default world in this file across restarts: loaded on start, rewritten atomically after changes. */
        public Builder state(Path state) {
            this.state = state;
            return this;
        }

        /** {@code LOCAL}: accessible-resources, serverInfo and the like name sites by this simulator's {@code /site/{subdomain}}. */
        public Builder siteUrls(CloudOptions.SiteUrls siteUrls) {
            this.siteUrls = siteUrls;
            return this;
        }

        /** No control API over HTTP: the server looks like a live service (see {@link SimulatorConfig#noAdmin}). */
        public Builder noAdmin(boolean noAdmin) {
            this.noAdmin = noAdmin;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(host, port, publicUrl, fixture, adminToken, state, siteUrls, noAdmin);
        }
    }
}
