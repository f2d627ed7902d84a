package com.example.jiraissues;

import dev.jirasim.junit.JirasimHandle;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the app's Atlassian settings at one Jirasim world: the recipe of docs/spring-boot.md. Call
 * {@link #register} from a test class's {@code @DynamicPropertySource} method, and {@link #allowRedirectUri}
 * once the app's port is known.
 */
final class AtlassianOnJirasim {
    /** The default world's app (default-world.yaml): it has the scopes the app asks for. */
    static final String CLIENT_ID = "jirasim-client";
    static final String CLIENT_SECRET = "jirasim-secret";

    private AtlassianOnJirasim() {
    }

    static void register(DynamicPropertyRegistry registry, JirasimHandle sim) {
        if (sim == null) {
            throw new IllegalStateException("No Jirasim world yet: use @Jirasim(lifecycle = Lifecycle.PER_CLASS) with a static "
                    + "JirasimHandle field, and no @TestInstance(PER_CLASS), so the world exists before Spring starts the app");
        }
        String provider = "spring.security.oauth2.client.provider.atlassian.";
        registry.add(provider + "authorization-uri", () -> sim.authUrl() + "/authorize");     // https://auth.atlassian.com
        registry.add(provider + "token-uri", () -> sim.authUrl() + "/oauth/token");
        registry.add(provider + "user-info-uri", () -> sim.apiUrl() + "/me");                 // https://api.atlassian.com
        String registration = "spring.security.oauth2.client.registration.atlassian.";
        registry.add(registration + "client-id", () -> CLIENT_ID);
        registry.add(registration + "client-secret", () -> CLIENT_SECRET);
        registry.add("atlassian.api-url", sim::apiUrl);
        registry.add("atlassian.site", () -> "acme");
    }

    /**
     * Registers the app's callback, {@code http://localhost:{port}/login/oauth2/code/atlassian}, on the world's app:
     * Atlassian (and Jirasim) accept only a callback URL that matches a registered one exactly, and the port is
     * random. Does nothing when it is registered already.
     */
    static void allowRedirectUri(JirasimHandle sim, int port) {
        String redirectUri = "http://localhost:" + port + "/login/oauth2/code/atlassian";
        sim.world().callbackUrl(CLIENT_ID, redirectUri).apply();
    }
}
