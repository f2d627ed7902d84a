package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the simulated Atlassian Cloud presents its sites (world file key {@code cloud}).
 *
 * @param siteUrls                   {@link SiteUrls#REAL} (default): a site's {@code url} in accessible-resources,
 *                                   {@code serverInfo.baseUrl} and {@code myself}-style links keep the real
 *                                   {@code https://{subdomain}.atlassian.net}; {@link SiteUrls#LOCAL}: they point at this
 *                                   simulator's {@code /site/{subdomain}}, so a client that follows them stays local
 * @param shuffleAccessibleResources accessible-resources lists the sites in a different order on every request
 *                                   (Atlassian: the order "means nothing"), so code that takes {@code [0]} fails in tests
 */
public record CloudOptions(SiteUrls siteUrls, Boolean shuffleAccessibleResources) {
    public static final CloudOptions DEFAULTS = new CloudOptions(null, null);

    public CloudOptions {
        if (siteUrls == null) siteUrls = SiteUrls.REAL;
        if (shuffleAccessibleResources == null) shuffleAccessibleResources = false;
    }

    public CloudOptions withSiteUrls(SiteUrls next) {
        return new CloudOptions(next, shuffleAccessibleResources);
    }

    public CloudOptions withShuffleAccessibleResources(boolean next) {
        return new CloudOptions(siteUrls, next);
    }

    /** Where the URLs that name a site point. */
    public enum SiteUrls {
        REAL, LOCAL;

        @JsonCreator
        public static SiteUrls of(String text) {
            for (SiteUrls s : values()) if (s.name().equalsIgnoreCase(text)) return s;
            throw new IllegalArgumentException("siteUrls must be 'real' or 'local', not '" + text + "'");
        }

        @JsonValue
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
