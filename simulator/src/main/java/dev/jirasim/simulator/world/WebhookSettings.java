package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The world file's {@code webhooks} section: how webhooks are delivered where the real services leave it open, and
 * the registrations that exist. See docs/webhooks.md.
 *
 * @param jira Jira's dynamic webhooks (null: the defaults and no registrations)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSettings(Jira jira) {
    public static final WebhookSettings DEFAULTS = new WebhookSettings(null);

    public WebhookSettings {
        if (jira == null) jira = Jira.DEFAULTS;
    }

    public WebhookSettings withJira(Jira next) {
        return new WebhookSettings(next);
    }

    /**
     * Jira's side. Retry spacing, the receiver timeout, the wire type of {@code expirationDate}, whether the
     * registered URL keeps its query string and the JWT's claims are not documented (webhooks.md A.2, A.5, A.6, A.8):
     * these are our defaults, and a world may choose otherwise.
     *
     * @param retryDelaysSeconds waits before each retry on the simulated clock (default 60, 120, 300, 600, 720: five retries,
     *                           the last 30 minutes after the first attempt)
     * @param timeoutSeconds     how long one attempt waits for the receiver (real time; default 10)
     * @param expirationDate     how answers write {@code expirationDate}: {@code number} (epoch ms, the schemas' type;
     *                           default) or {@code string} (the examples' {@code 2019-06-01T12:42:30.000+0000})
     * @param keepQueryString    whether deliveries go to the registered URL with its query string (default true)
     * @param jwtClaims          claims added to the delivery JWT besides {@code iat} and {@code exp}; {@code ${clientId}},
     *                           {@code ${accountId}}, {@code ${cloudId}} and {@code ${siteUrl}} in a value are filled in
     * @param registrations      the webhooks registered so far
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"retryDelaysSeconds", "timeoutSeconds", "expirationDate", "keepQueryString", "jwtClaims", "registrations"})
    public record Jira(List<Long> retryDelaysSeconds, Integer timeoutSeconds, ExpirationFormat expirationDate, Boolean keepQueryString,
                       Map<String, String> jwtClaims, List<JiraWebhook> registrations) {
        public static final List<Long> DEFAULT_RETRY_DELAYS = List.of(60L, 120L, 300L, 600L, 720L);
        public static final int DEFAULT_TIMEOUT_SECONDS = 10;
        public static final Jira DEFAULTS = new Jira(null, null, null, null, null, null);
        /** Bounds that keep a world file from asking for the absurd (a retry a century away, a thousand retries). */
        static final int MAX_RETRIES = 20;
        static final long MAX_DELAY_SECONDS = 7L * 24 * 3600;

        public Jira {
            if (retryDelaysSeconds != null) {
                retryDelaysSeconds = List.copyOf(retryDelaysSeconds);
                if (retryDelaysSeconds.size() > MAX_RETRIES) throw new IllegalArgumentException("retryDelaysSeconds: at most " + MAX_RETRIES + " retries");
                for (Long d : retryDelaysSeconds) {
                    if (d == null || d < 0 || d > MAX_DELAY_SECONDS) {
                        throw new IllegalArgumentException("retryDelaysSeconds: each delay is 0 to " + MAX_DELAY_SECONDS + " seconds, not " + d);
                    }
                }
            }
            if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > 300)) {
                throw new IllegalArgumentException("timeoutSeconds must be 1 to 300, not " + timeoutSeconds);
            }
            jwtClaims = jwtClaims == null ? Map.of() : Map.copyOf(jwtClaims);
            for (String claim : jwtClaims.keySet()) {
                if (claim.equals("iat") || claim.equals("exp")) throw new IllegalArgumentException("jwtClaims: '" + claim + "' is always set by the simulator");
            }
            registrations = registrations == null ? List.of() : List.copyOf(registrations);
        }

        public List<Duration> retryDelays() {
            return (retryDelaysSeconds == null ? DEFAULT_RETRY_DELAYS : retryDelaysSeconds).stream().map(Duration::ofSeconds).toList();
        }

        public Duration timeout() {
            return Duration.ofSeconds(timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds);
        }

        public ExpirationFormat expirationFormat() {
            return expirationDate == null ? ExpirationFormat.NUMBER : expirationDate;
        }

        public boolean keepsQueryString() {
            return keepQueryString == null || keepQueryString;
        }

        public Jira withRegistrations(List<JiraWebhook> next) {
            return new Jira(retryDelaysSeconds, timeoutSeconds, expirationDate, keepQueryString, jwtClaims, next);
        }

        /** True when nothing differs from the defaults (the export then leaves the section out). */
        boolean isDefault() {
            return equals(DEFAULTS);
        }
    }

    /** How {@code expirationDate} is written in answers. */
    public enum ExpirationFormat {
        NUMBER, STRING;

        @JsonCreator
        public static ExpirationFormat of(String text) {
            for (ExpirationFormat f : values()) if (f.name().equalsIgnoreCase(text)) return f;
            throw new IllegalArgumentException("expirationDate must be 'number' or 'string', not '" + text + "'");
        }

        @JsonValue
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
