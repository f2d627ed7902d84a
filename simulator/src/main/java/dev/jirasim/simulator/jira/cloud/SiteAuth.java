package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who calls the site host {@code https://{subdomain}.atlassian.net}: HTTP Basic {@code email:api_token}
 * (jira-cloud-more.md §1.1). No credentials is anonymous; anything else that was sent and not accepted —
 * a wrong, expired or revoked token, a password, a 3LO bearer token (gotcha 2) — is a failed login.
 */
public final class SiteAuth {
    /**
     * The outcome: the user (anonymous or not), whether credentials were sent and rejected, and whether they were a
     * bearer token — refused on every route, search included (gotcha 2 says 401; our choice where the reference
     * does not say which routes).
     */
    public record Outcome(User user, boolean failed, boolean bearer) {
        Outcome(User user, boolean failed) {
            this(user, failed, false);
        }
    }

    private SiteAuth() {
    }

    public static Outcome authenticate(World world, String authorization) {
        if (authorization == null || authorization.isBlank()) return new Outcome(User.ANONYMOUS, false);
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts[0].equalsIgnoreCase("Bearer")) return new Outcome(User.ANONYMOUS, true, true);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) return new Outcome(User.ANONYMOUS, true);
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Outcome(User.ANONYMOUS, true);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return new Outcome(User.ANONYMOUS, true);
        String email = decoded.substring(0, colon);
        String token = decoded.substring(colon + 1);
        return world.users().stream()
                .filter(u -> u.email().equalsIgnoreCase(email) && u.accountStatus().equals("active"))
                .filter(u -> u.acceptsApiToken(token, world.clock().now()))
                .findFirst()
                .map(u -> new Outcome(u, false))
                .orElse(new Outcome(User.ANONYMOUS, true));
    }
}
