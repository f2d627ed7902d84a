package dev.jirasim.simulator.nango;

import dev.jirasim.simulator.world.NangoMinter;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.NangoSettings.Connection;
import dev.jirasim.simulator.world.NangoSettings.Integration;
import dev.jirasim.simulator.world.Site;
import dev.jirasim.simulator.world.TokenPair;
import dev.jirasim.simulator.world.User;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Tokens for a connection a world file seeds with a {@code user}, as if that user had just completed the connect
 * flow: a grant on the user's sites (or the listed ones), the token answer stored the way {@link CredentialService#parse}
 * stores one, and the config {@link JiraPostConnection} would have merged. The world loader finds this class
 * through {@code META-INF/services} (see {@link NangoMinter}), so loading stays one step that fails as a whole.
 */
public final class SeededConnections implements NangoMinter {
    @Override
    public Connection mint(Connection c, Integration integration, World world) {
        User u = world.user(c.user())
                .orElseThrow(() -> new WorldException("Nango connection " + c.connectionId() + " names unknown user " + c.user()));
        var cloudIds = new ArrayList<String>();
        for (String ref : c.sites().isEmpty() ? u.sites() : c.sites()) {
            Site site = world.site(ref).filter(s -> u.memberOf(s.subdomain()))
                    .orElseThrow(() -> new WorldException("Nango connection " + c.connectionId() + ": " + u.email() + " is not on site " + ref));
            cloudIds.add(site.cloudId());
        }
        TokenPair pair = world.tokens().issueDirect(integration.clientId(), u.accountId(), integration.scopes(), cloudIds);
        Instant now = world.clock().now();
        var raw = new LinkedHashMap<String, Object>();
        raw.put("access_token", pair.access().token());
        if (pair.refresh() != null) raw.put("refresh_token", pair.refresh().token());
        raw.put("expires_in", (int) pair.expiresIn()); // as a JSON round trip reads it back
        raw.put("scope", String.join(" ", pair.scopes()));
        raw.put("token_type", "Bearer");
        var config = new LinkedHashMap<String, Object>(c.connectionConfig());
        Site first = world.site(cloudIds.get(0)).orElseThrow();
        config.putIfAbsent("cloudId", first.cloudId());
        config.putIfAbsent("baseUrl", first.url());
        config.putIfAbsent("accountId", u.accountId());
        var credentials = new NangoSettings.Credentials(pair.access().token(), pair.refresh() == null ? null : pair.refresh().token(),
                now.plusSeconds(pair.expiresIn()), raw);
        return new Connection(c.id(), c.connectionId(), c.integration(), config, credentials, c.metadata(), c.tags(),
                c.endUser(), c.createdAt() == null ? now : c.createdAt(), c.updatedAt() == null ? now : c.updatedAt(), null, null, null, null,
                c.webhookUrlOverride());
    }
}
