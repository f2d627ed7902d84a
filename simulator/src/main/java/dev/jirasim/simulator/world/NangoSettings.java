package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One Nango environment: its secret keys (Nango insists on the UUID v4 form), its legacy public key, its
 * integrations and its connections. See {@code docs/nango.md}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NangoSettings(List<String> secretKeys, String publicKey, List<Integration> integrations, List<Connection> connections) {
    public static final NangoSettings NONE = new NangoSettings(null, null, null, null);
    /** Nango accepts secret and public keys only in this form. */
    public static final String UUID_V4 = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}";

    public NangoSettings {
        secretKeys = secretKeys == null ? List.of() : List.copyOf(secretKeys);
        integrations = integrations == null ? List.of() : List.copyOf(integrations);
        connections = connections == null ? List.of() : List.copyOf(connections);
    }

    /**
     * The providers a world file may name, and what the world itself must know of each: the name on the wire,
     * the display name Nango gives an integration that sets none, and whether the OAuth client is an app of
     * this world. How Nango talks to each provider is the nango package's {@code NangoProvider}, keyed by this.
     */
    public enum Provider {
        JIRA("jira", "Jira (OAuth)", true),
        // A Data Center client is an incoming link of the DC instance, which the world cannot check at load.
        JIRA_DATA_CENTER("jira-data-center", "Jira Data Center", false);

        private final String wire;
        private final String displayName;
        private final boolean usesWorldApp;

        Provider(String wire, String displayName, boolean usesWorldApp) {
            this.wire = wire;
            this.displayName = displayName;
            this.usesWorldApp = usesWorldApp;
        }

        public String wire() {
            return wire;
        }

        public String defaultDisplayName() {
            return displayName;
        }

        /** Whether an integration's {@code clientId} must name an app of this world. */
        public boolean usesWorldApp() {
            return usesWorldApp;
        }

        public static Optional<Provider> named(String wire) {
            return Arrays.stream(values()).filter(p -> p.wire.equals(wire)).findFirst();
        }

        static String choices() {
            return Arrays.stream(values()).map(Provider::wire).collect(Collectors.joining(" or "));
        }
    }

    /**
     * An integration ("provider config"): a unique key, a {@link Provider} by its wire name and the OAuth
     * client it uses (for {@code jira}, an app of this world).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Integration(String uniqueKey, String provider, String displayName, String clientId, String clientSecret,
                              List<String> scopes, java.time.Instant createdAt) {
        public Integration {
            Objects.requireNonNull(uniqueKey, "missing required field 'uniqueKey'");
            Objects.requireNonNull(provider, "missing required field 'provider'");
            Provider kind = Provider.named(provider).orElseThrow(() -> new IllegalArgumentException(
                    "integration " + uniqueKey + ": provider must be " + Provider.choices() + ", not " + provider));
            if (displayName == null) displayName = kind.defaultDisplayName();
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        /** The provider as a type (the constructor made sure the name is known). */
        public Provider kind() {
            return Provider.named(provider).orElseThrow();
        }
    }

    /** Stored OAuth 2.0 credentials, as Nango keeps them: the token answer's fields plus the whole answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credentials(String accessToken, String refreshToken, java.time.Instant expiresAt, Map<String, Object> raw) {
        public Credentials {
            Objects.requireNonNull(accessToken, "missing required field 'accessToken'");
            raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
        }
    }

    /**
     * A connection. In a world file either give {@code credentials}, or give {@code user} (and optionally
     * {@code sites}) to have tokens minted at load as if that user had completed the connect flow.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Connection(Long id, String connectionId, String integration, Map<String, Object> connectionConfig,
                             Credentials credentials, Map<String, Object> metadata, Map<String, String> tags,
                             Map<String, Object> endUser, java.time.Instant createdAt, java.time.Instant updatedAt,
                             java.time.Instant lastFetchedAt, java.time.Instant refreshFailedAt, String user, List<String> sites) {
        public Connection {
            Objects.requireNonNull(connectionId, "missing required field 'connectionId'");
            Objects.requireNonNull(integration, "missing required field 'integration'");
            connectionConfig = connectionConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connectionConfig));
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            sites = sites == null ? List.of() : List.copyOf(sites);
        }

        public Connection withCredentials(Credentials next, java.time.Instant at) {
            return new Connection(id, connectionId, integration, connectionConfig, next, metadata, tags, endUser, createdAt, at,
                    lastFetchedAt, null, null, List.of());
        }

        public Connection withConfig(Map<String, Object> config, java.time.Instant at) {
            return new Connection(id, connectionId, integration, config, credentials, metadata, tags, endUser, createdAt, at,
                    lastFetchedAt, refreshFailedAt, null, List.of());
        }

        public Connection fetchedAt(java.time.Instant at) {
            return new Connection(id, connectionId, integration, connectionConfig, credentials, metadata, tags, endUser, createdAt,
                    updatedAt, at, refreshFailedAt, null, List.of());
        }

        public Connection refreshFailed(java.time.Instant at) {
            return new Connection(id, connectionId, integration, connectionConfig, credentials, metadata, tags, endUser, createdAt,
                    updatedAt, lastFetchedAt, at, null, List.of());
        }
    }
}
