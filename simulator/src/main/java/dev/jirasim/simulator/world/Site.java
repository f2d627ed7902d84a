package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An Atlassian Cloud site. {@code url} keeps the real {@code https://{subdomain}.atlassian.net} form by
 * default because clients (Nango among them) parse its first host label.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Site(String cloudId, String subdomain, String name, String url, String avatarUrl) {
    public static final String DEFAULT_AVATAR =
            "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/site.png";

    public Site {
        Objects.requireNonNull(cloudId, "missing required field 'cloudId'");
        Objects.requireNonNull(subdomain, "missing required field 'subdomain'");
        if (name == null) name = subdomain;
        if (url == null) url = "https://" + subdomain + ".atlassian.net";
        if (avatarUrl == null) avatarUrl = DEFAULT_AVATAR;
    }
}
