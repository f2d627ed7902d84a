package dev.jirasim.simulator.control;

import java.util.List;

/**
 * What {@link SimulatorControl#issueTokens} mints: tokens of app {@code clientId} (null: the world's first
 * app) for {@code user} (e-mail or account id) on {@code sites} (subdomains or cloudIds; null: all of the
 * user's sites) with {@code scopes} (null: {@link #DEFAULT_SCOPES}).
 */
public record TokenRequestSpec(String clientId, String user, List<String> sites, List<String> scopes) {
    public static final List<String> DEFAULT_SCOPES =
            List.of("read:jira-work", "write:jira-work", "read:jira-user", "read:me", "offline_access");

    public static TokenRequestSpec forUser(String user, String... sites) {
        return new TokenRequestSpec(null, user, sites.length == 0 ? null : List.of(sites), null);
    }
}
