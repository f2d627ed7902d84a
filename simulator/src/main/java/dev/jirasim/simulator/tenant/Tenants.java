package dev.jirasim.simulator.tenant;

import dev.jirasim.simulator.webhooks.WebhookSender;
import dev.jirasim.simulator.world.OAuthApp;
import dev.jirasim.simulator.world.WorldFile;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The isolated worlds one server holds. The default tenant answers the bare URL map; every other tenant
 * answers the same map under {@code /t/{id}} (so its URLs survive redirects and work with any client), with
 * its own world, clock, journal and faults. Parallel tests each take a tenant and never see each other.
 */
public final class Tenants implements AutoCloseable {
    public static final String DEFAULT = "default";
    /** A bound so a runaway client cannot fill the heap with worlds. */
    public static final int MAX_TENANTS = 2_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorldFile seed;
    private final String baseUrl;
    private final Tenant defaultTenant;
    private final ConcurrentHashMap<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final WebhookSender sender = new WebhookSender();
    private final Tenant.Wiring wiring;

    /** {@code seed} is the server's world (default world or fixture) with {@code ${publicUrl}} as {@code baseUrl}. */
    public Tenants(WorldFile seed, String baseUrl) {
        this(seed, baseUrl, Tenant.Wiring.NONE);
    }

    /** As {@link #Tenants(WorldFile, String)}, with {@code wiring} applied to every world a tenant builds. */
    public Tenants(WorldFile seed, String baseUrl, Tenant.Wiring wiring) {
        this.seed = seed;
        this.baseUrl = baseUrl;
        this.wiring = wiring;
        this.defaultTenant = new Tenant(DEFAULT, baseUrl, seed, sender, wiring);
        tenants.put(DEFAULT, defaultTenant);
    }

    public Tenant defaultTenant() {
        return defaultTenant;
    }

    public Optional<Tenant> get(String id) {
        return id == null ? Optional.of(defaultTenant) : Optional.ofNullable(tenants.get(id));
    }

    /** The base URL a tenant's world is served under. */
    public String urlOf(String id) {
        return id == null || id.equals(DEFAULT) ? baseUrl : baseUrl + "/t/" + id;
    }

    /** Creates a tenant seeded with the server's own world; a null id picks a fresh random one. */
    public Tenant create(String id) {
        String chosen = id == null ? newId() : id;
        return create(chosen, rebase(seed, baseUrl, urlOf(chosen)));
    }

    /** Creates a tenant seeded with {@code world}; throws {@link TenantException} for a bad or taken id. */
    public Tenant create(String id, WorldFile world) {
        String chosen = id == null ? newId() : id;
        if (!ID.matcher(chosen).matches()) {
            throw new TenantException(400, "A tenant id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit: '" + chosen + "'");
        }
        if (tenants.size() >= MAX_TENANTS) throw new TenantException(409, "This server already holds " + MAX_TENANTS + " tenants; delete some first.");
        var tenant = new Tenant(chosen, urlOf(chosen), world, sender, wiring);
        if (tenants.putIfAbsent(chosen, tenant) != null) throw new TenantException(409, "Tenant '" + chosen + "' already exists.");
        return tenant;
    }

    /** Removes a tenant; the default tenant cannot be removed. False if there is none. */
    public boolean remove(String id) {
        if (DEFAULT.equals(id)) throw new TenantException(400, "The default tenant cannot be deleted; reset it instead.");
        Tenant gone = tenants.remove(id);
        if (gone != null) gone.webhooks().reset();
        return gone != null;
    }

    /** Removes every tenant but the default; returns how many. */
    public int removeAll() {
        int before = tenants.size();
        for (String id : List.copyOf(tenants.keySet())) if (!id.equals(DEFAULT)) remove(id);
        return before - 1;
    }

    /** Stops sending webhooks (the server stops). */
    @Override
    public void close() {
        sender.close();
    }

    /** Ids of every tenant, the default first. */
    public List<String> ids() {
        var ids = new ArrayList<String>();
        ids.add(DEFAULT);
        tenants.keySet().stream().filter(id -> !id.equals(DEFAULT)).sorted().forEach(ids::add);
        return ids;
    }

    /** The seed this server started with, as served by the default tenant. */
    public WorldFile seed() {
        return seed;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A fresh random tenant id ({@code t-} and 16 hex digits). */
    public static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "t-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * A world's callback URLs that point into this server (Nango's callback, say) must point into the tenant
     * that holds the world, or a redirect would land in another tenant.
     */
    public static WorldFile rebase(WorldFile world, String from, String to) {
        if (from.equals(to)) return world;
        var apps = new ArrayList<OAuthApp>();
        for (OAuthApp a : world.apps()) {
            var urls = a.callbackUrls().stream().map(u -> u.startsWith(from + "/") ? to + u.substring(from.length()) : u).toList();
            apps.add(new OAuthApp(a.clientId(), a.clientSecret(), a.name(), urls, a.scopes(), a.distribution(), a.owner(), a.pkce()));
        }
        var dcs = new ArrayList<dev.jirasim.simulator.world.DcInstance>();
        for (var dc : world.dataCenter()) {
            dcs.add(dc.withLinks(dc.links().stream().map(l -> l.redirectUrl().startsWith(from + "/")
                    ? new dev.jirasim.simulator.world.DcInstance.IncomingLink(l.clientId(), l.clientSecret(), l.name(),
                            to + l.redirectUrl().substring(from.length()), l.scopes())
                    : l).toList()));
        }
        return world.withApps(apps).withDataCenter(dcs);
    }

    /** A tenant request the registry refuses; {@code status} is the HTTP status the control API answers. */
    public static final class TenantException extends RuntimeException {
        private final int status;

        public TenantException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
