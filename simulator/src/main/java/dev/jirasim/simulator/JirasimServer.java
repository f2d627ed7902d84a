package dev.jirasim.simulator;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.control.TenantControl;
import dev.jirasim.simulator.jira.cloud.WebhookEvents;
import dev.jirasim.simulator.server.SimulatorServer;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.tenant.Tenants;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.CloudOptions;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import java.util.Optional;

/**
 * A running simulator: every emulated host on one port. Start one in a test with
 * <pre>{@code
 * try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
 *     String authorize = sim.authUrl() + "/authorize";
 *     sim.control().advanceClock(Duration.ofHours(1));
 * }
 * }</pre>
 */
public final class JirasimServer implements AutoCloseable {
    private final SimulatorServer server;
    private final Tenants tenants;
    private final String publicUrl;
    private StateFile persister;

    private JirasimServer(SimulatorServer server, Tenants tenants, String publicUrl) {
        this.server = server;
        this.tenants = tenants;
        this.publicUrl = publicUrl;
    }

    /** Starts a simulator; a fixture that is not a valid world fails here, before anything listens. */
    public static JirasimServer start(SimulatorConfig config) {
        return start(config, () -> { });
    }

    /**
     * As {@link #start(SimulatorConfig)}, running {@code beforeListening} (on whichever thread starts the server)
     * just before the port opens: the command line configures logging in parallel and waits for it there.
     */
    static JirasimServer start(SimulatorConfig config, Runnable beforeListening) {
        // The server listens before the world exists (a random port is known only then, and the world's URLs need
        // it): a request in that window waits the few milliseconds until the world is there instead of failing.
        var tenants = new java.util.concurrent.CompletableFuture<Tenants>();
        java.util.function.Supplier<Tenants> current = tenants::join;
        // Javalin's set-up and reading the world are independent and each takes a good part of a cold start, so
        // they overlap.
        var created = new java.util.concurrent.CompletableFuture<SimulatorServer>();
        // The built-in world is known to be valid (DefaultWorldTest), so with it the server may listen at once, its
        // start overlapping the world's; a fixture or state file must validate before anything listens.
        boolean builtIn = config.fixture() == null && (config.state() == null || !java.nio.file.Files.exists(config.state()));
        Thread setUp = new Thread(() -> {
            try {
                var server = new SimulatorServer(new SimulatorServer.Binding(config.host(), config.port(), config.adminToken(), config.noAdmin()),
                        current, tenants::isDone);
                if (builtIn) {
                    beforeListening.run();
                    server.start();
                }
                created.complete(server);
            } catch (Throwable t) {
                created.completeExceptionally(t);
            }
        }, "jirasim-setup");
        setUp.setDaemon(true);
        setUp.start();
        // Validate the fixture first: the world needs the public URL, which needs the bound port.
        String expectedUrl = config.publicUrlFor(config.port() == 0 ? 1 : config.port());
        // With a fixed port (or public URL) the URL is known now, and the tenants' world, built once here, is the
        // validation; with a random port the world is validated here and built again once the port is known.
        boolean urlKnown = config.port() != 0 || expectedUrl.equals(config.publicUrlFor(2));
        Tenant.Wiring wiring = (tenant, world) -> WebhookEvents.attach(world, tenant.webhooks(), tenant.baseUrl());
        WorldFile checked = null;
        Tenants early = null;
        try {
            checked = seed(config, expectedUrl);
            if (urlKnown) early = new Tenants(checked, expectedUrl, wiring);
            else World.of(checked, new SimClock());
        } catch (RuntimeException e) {
            created.thenAccept(SimulatorServer::stop); // the built-in world failing is a bug, but nothing may keep listening
            if (e instanceof WorldException && checked != null) {
                throw new WorldException((config.fixture() == null ? "default world" : config.fixture().toString()) + ": " + e.getMessage(), e);
            }
            throw e;
        }
        SimulatorServer server;
        try {
            server = created.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (early != null) early.close();
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
        if (!builtIn) {
            beforeListening.run();
            server.start();
        }
        try {
            String publicUrl = config.publicUrlFor(server.port());
            // Every world a tenant builds fires Jira's webhooks for its issue changes.
            if (early != null && publicUrl.equals(expectedUrl)) {
                tenants.complete(early);
            } else {
                if (early != null) early.close();
                // A fixed port gives the same URL the world was read with: no need to read it again.
                tenants.complete(new Tenants(publicUrl.equals(expectedUrl) ? checked : seed(config, publicUrl), publicUrl, wiring));
            }
            var sim = new JirasimServer(server, tenants.join(), publicUrl);
            if (config.state() != null) {
                var tenant = sim.tenants.defaultTenant();
                // The clock as it was when the file was written: expiry reads the same time after a restart.
                if (java.nio.file.Files.exists(config.state())) StateFile.readClock(config.state()).ifPresent(tenant.clock()::restore);
                sim.persister = new StateFile(config.state(), () -> tenant.world().export(), tenant.clock());
                server.onChange(sim.persister::changed);
                sim.persister.changed(); // the file holds the world from the first moment on
            }
            return sim;
        } catch (RuntimeException e) {
            tenants.completeExceptionally(e);
            server.stop();
            throw e;
        }
    }

    private static WorldFile seed(SimulatorConfig config, String publicUrl) {
        WorldFile file = read(config, publicUrl);
        if (config.siteUrls() == null) return file;
        CloudOptions cloud = file.cloud() == null ? CloudOptions.DEFAULTS : file.cloud();
        return file.withCloud(cloud.withSiteUrls(config.siteUrls()));
    }

    private static WorldFile read(SimulatorConfig config, String publicUrl) {
        if (config.state() != null && java.nio.file.Files.exists(config.state())) {
            try {
                return StateFile.readWorld(config.state(), publicUrl);
            } catch (WorldException e) {
                // Never fall back to an empty or default world: that would silently lose what the file held.
                throw new WorldException("state file " + config.state() + " is not a valid world (fix or remove it): " + e.getMessage(), e);
            }
        }
        return config.fixture() == null ? WorldFiles.defaultWorld(publicUrl) : WorldFiles.read(config.fixture(), publicUrl);
    }

    public int port() {
        return server.port();
    }

    /** The public base URL every absolute URL is built from. */
    public String baseUrl() {
        return publicUrl;
    }

    /** Stands in for {@code https://auth.atlassian.com}. */
    public String authUrl() {
        return publicUrl + "/auth";
    }

    /** Stands in for {@code https://api.atlassian.com}. */
    public String apiUrl() {
        return publicUrl + "/api";
    }

    public String adminUrl() {
        return publicUrl + "/__admin";
    }

    /** The control API of the default tenant, in process. */
    public SimulatorControl control() {
        return new TenantControl(tenants.defaultTenant(), publicUrl);
    }

    public Tenant defaultTenant() {
        return tenants.defaultTenant();
    }

    /**
     * Creates an isolated tenant seeded with this server's world and answering under {@link #baseUrl(String)};
     * a null id picks a random one.
     */
    public Tenant createTenant(String id) {
        return tenants.create(id);
    }

    /** Creates an isolated tenant seeded with {@code world}; a world that does not validate creates nothing. */
    public Tenant createTenant(String id, WorldFile world) {
        return tenants.create(id, world);
    }

    /** Removes a tenant and its world; false if there is none. */
    public boolean removeTenant(String id) {
        return tenants.remove(id);
    }

    /** The world this server started with (the default world or its fixture), as its default tenant's seed. */
    public WorldFile seed() {
        return tenants.seed();
    }

    /** Removes every tenant but the default one; returns how many went. */
    public int removeAllTenants() {
        return tenants.removeAll();
    }

    public Optional<Tenant> tenant(String id) {
        return tenants.get(id);
    }

    /** The control API of one tenant, in process. */
    public SimulatorControl control(String tenantId) {
        return new TenantControl(tenants.get(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant '" + tenantId + "'")),
                baseUrl(tenantId));
    }

    /** The base URL a tenant is served under: {@code baseUrl()/t/{id}}, or {@code baseUrl()} for the default. */
    public String baseUrl(String tenantId) {
        return tenants.urlOf(tenantId);
    }

    /** Parses a world file (YAML or JSON) for a tenant, so {@code ${publicUrl}} points into that tenant. */
    public WorldFile parseWorld(String text, String tenantId) {
        return WorldFiles.parse(text, baseUrl(tenantId));
    }

    /** Stops serving at once, then writes the state file one last time. */
    public void stop() {
        server.stop();
        tenants.close();
        if (persister != null) persister.close();
    }

    /** For SIGTERM: requests in flight get up to five seconds to finish, then the state file is written. */
    public void stopGracefully() {
        server.stopGracefully(5_000);
        tenants.close();
        if (persister != null) persister.close();
    }

    @Override
    public void close() {
        stop();
    }
}
