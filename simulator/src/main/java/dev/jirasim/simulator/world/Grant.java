package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A user's consent to an app. Atlassian keeps exactly one grant per (app, account): consenting to another
 * site adds it here, so tokens already issued reach it too. {@code siteScopes} maps cloudId to the product
 * scopes granted on that site; {@code scopes} is every scope ever granted (with offline_access, read:me).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grant(
        String id,
        String clientId,
        String accountId,
        Set<String> scopes,
        Map<String, Set<String>> siteScopes,
        Instant createdAt,
        Instant revokedAt) {

    public Grant {
        scopes = scopes == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
        var sorted = new TreeMap<String, Set<String>>();
        if (siteScopes != null) siteScopes.forEach((k, v) -> sorted.put(k, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        siteScopes = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Grant revoke(Instant at) {
        return revoked() ? this : new Grant(id, clientId, accountId, scopes, siteScopes, createdAt, at);
    }
}
