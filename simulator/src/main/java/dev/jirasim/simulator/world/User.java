package dev.jirasim.simulator.world;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An Atlassian account. {@code sites} and {@code siteAdmin} hold site subdomains. {@code accountType} is
 * {@code atlassian} (a person), {@code app} (an integration's system account) or {@code customer} (a service
 * desk customer); {@code emailVisibility} is the profile setting that decides whether other people's API calls
 * see the address: {@code anyone} or {@code private} (only the user themself).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record User(
        String accountId,
        String email,
        String displayName,
        String nickname,
        String zoneinfo,
        String locale,
        String accountStatus,
        List<String> sites,
        List<String> siteAdmin,
        String accountType,
        String emailVisibility,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ApiToken> apiTokens) {
    public static final List<String> ACCOUNT_TYPES = List.of("atlassian", "app", "customer");
    public static final List<String> EMAIL_VISIBILITIES = List.of("anyone", "private");

    public User {
        Objects.requireNonNull(accountId, "missing required field 'accountId'");
        Objects.requireNonNull(email, "missing required field 'email'");
        if (displayName == null) displayName = email;
        if (nickname == null) nickname = email.substring(0, Math.max(0, email.indexOf('@')));
        if (zoneinfo == null) zoneinfo = "UTC";
        if (locale == null) locale = "en-US";
        if (accountStatus == null) accountStatus = "active";
        sites = sites == null ? List.of() : List.copyOf(sites);
        siteAdmin = siteAdmin == null ? List.of() : List.copyOf(siteAdmin);
        if (accountType == null) accountType = "atlassian";
        if (!ACCOUNT_TYPES.contains(accountType)) throw new IllegalArgumentException("accountType must be one of " + ACCOUNT_TYPES + ": " + accountType);
        if (emailVisibility == null) emailVisibility = "anyone";
        if (!EMAIL_VISIBILITIES.contains(emailVisibility)) {
            throw new IllegalArgumentException("emailVisibility must be one of " + EMAIL_VISIBILITIES + ": " + emailVisibility);
        }
        apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
    }

    /** A user without API tokens. */
    public User(String accountId, String email, String displayName, String nickname, String zoneinfo, String locale,
                String accountStatus, List<String> sites, List<String> siteAdmin, String accountType, String emailVisibility) {
        this(accountId, email, displayName, nickname, zoneinfo, locale, accountStatus, sites, siteAdmin, accountType, emailVisibility, null);
    }

    /** A person with the defaults: an Atlassian account whose address anyone may see. */
    public User(String accountId, String email, String displayName, String nickname, String zoneinfo, String locale,
                String accountStatus, List<String> sites, List<String> siteAdmin) {
        this(accountId, email, displayName, nickname, zoneinfo, locale, accountStatus, sites, siteAdmin, null, null, null);
    }

    /** The same user holding exactly these API tokens. */
    public User withApiTokens(List<ApiToken> next) {
        return new User(accountId, email, displayName, nickname, zoneinfo, locale, accountStatus, sites, siteAdmin, accountType,
                emailVisibility, next);
    }

    /** Whether {@code viewer} (an account id; null for nobody) may see this user's e-mail address. */
    public boolean emailVisibleTo(String viewer) {
        return emailVisibility.equals("anyone") || accountId.equals(viewer);
    }

    public boolean memberOf(String subdomain) {
        return sites.contains(subdomain);
    }

    /** The caller of a site-host request without (accepted) credentials: a member of no site, matched by no name. */
    public static final User ANONYMOUS = new User("", "anonymous@", "Anonymous", "anonymous", null, null, null, null, null,
            null, "private", null);

    public boolean anonymous() {
        return this == ANONYMOUS;
    }

    /** Whether {@code token} is one of this user's API tokens and valid at {@code now}. */
    public boolean acceptsApiToken(String token, java.time.Instant now) {
        return apiTokens.stream().anyMatch(t -> t.token().equals(token) && t.validAt(now));
    }

    /** True when {@code ref} names this user by e-mail (case-insensitive) or account id. */
    public boolean matches(String ref) {
        return !anonymous() && (accountId.equals(ref) || email.equalsIgnoreCase(ref));
    }
}
