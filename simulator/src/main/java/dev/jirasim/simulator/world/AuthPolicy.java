package dev.jirasim.simulator.world;

/**
 * Lifetimes and strictness of the simulated auth.atlassian.com. The defaults are Atlassian's documented
 * values; the ones the reference marks UNCONFIRMED are our best guess, kept here so they are easy to change.
 *
 * @param accessTokenSeconds        access token lifetime: one hour (documented)
 * @param authorizationCodeSeconds  code lifetime: RFC 6749's ten-minute ceiling (Atlassian: "maybe less")
 * @param refreshLeewaySeconds      a rotated refresh token and its access token keep working this long
 * @param refreshInactivitySeconds  a refresh token unused this long expires (90 days)
 * @param refreshAbsoluteSeconds    no refresh after this long from the first refresh token of a consent (365 days)
 * @param requireAudience           reject an authorize request without {@code audience} (UNCONFIRMED; off)
 * @param requireState              reject an authorize request without {@code state} (docs: "required")
 */
public record AuthPolicy(
        Long accessTokenSeconds,
        Long authorizationCodeSeconds,
        Long refreshLeewaySeconds,
        Long refreshInactivitySeconds,
        Long refreshAbsoluteSeconds,
        Boolean requireAudience,
        Boolean requireState) {

    public static final long ACCESS_TOKEN_SECONDS = 3600;
    public static final long AUTHORIZATION_CODE_SECONDS = 600;
    public static final long REFRESH_LEEWAY_SECONDS = 600;
    public static final long REFRESH_INACTIVITY_SECONDS = 90L * 24 * 3600;
    public static final long REFRESH_ABSOLUTE_SECONDS = 365L * 24 * 3600;

    /** The longest lifetime a world may set: ten years, so expiry instants and {@code expires_in} stay in range. */
    public static final long MAX_SECONDS = 10L * 365 * 24 * 3600;

    public static final AuthPolicy DEFAULTS = new AuthPolicy(null, null, null, null, null, null, null);

    public AuthPolicy {
        accessTokenSeconds = positive(accessTokenSeconds, ACCESS_TOKEN_SECONDS, "accessTokenSeconds");
        authorizationCodeSeconds = positive(authorizationCodeSeconds, AUTHORIZATION_CODE_SECONDS, "authorizationCodeSeconds");
        refreshLeewaySeconds = nonNegative(refreshLeewaySeconds, REFRESH_LEEWAY_SECONDS, "refreshLeewaySeconds");
        refreshInactivitySeconds = positive(refreshInactivitySeconds, REFRESH_INACTIVITY_SECONDS, "refreshInactivitySeconds");
        refreshAbsoluteSeconds = positive(refreshAbsoluteSeconds, REFRESH_ABSOLUTE_SECONDS, "refreshAbsoluteSeconds");
        if (requireAudience == null) requireAudience = false;
        if (requireState == null) requireState = true;
    }

    private static long positive(Long value, long fallback, String name) {
        if (value == null) return fallback;
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive");
        if (value > MAX_SECONDS) throw new IllegalArgumentException(name + " must be at most " + MAX_SECONDS + " (ten years)");
        return value;
    }

    private static long nonNegative(Long value, long fallback, String name) {
        if (value == null) return fallback;
        if (value < 0) throw new IllegalArgumentException(name + " must not be negative");
        if (value > MAX_SECONDS) throw new IllegalArgumentException(name + " must be at most " + MAX_SECONDS + " (ten years)");
        return value;
    }
}
