package dev.jirasim.simulator.world;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An Atlassian account. {@code sites} and {@code siteAdmin} hold site subdomains.
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
        List<String> siteAdmin) {

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
    }

    public boolean memberOf(String subdomain) {
        return sites.contains(subdomain);
    }

    /** True when {@code ref} names this user by e-mail (case-insensitive) or account id. */
    public boolean matches(String ref) {
        return accountId.equals(ref) || email.equalsIgnoreCase(ref);
    }
}
