package dev.jirasim.junit;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.tenant.Tenants;
import dev.jirasim.simulator.world.CloudOptions;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.WorldFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link Jirasim}; register it directly to configure it in code:
 * <pre>{@code
 * @RegisterExtension
 * static JirasimExtension sim = JirasimExtension.builder().world("worlds/small.yaml").consentAs("bob@acme.test").build();
 * }</pre>
 * One simulator per port serves the whole test run (started on first use, stopped when the run ends). Each
 * test method (or class, with {@link Lifecycle#PER_CLASS}) gets its own tenant: a world of its own under
 * {@code /t/{tenant}}, created before it and dropped after it. Parallel tests therefore never share state.
 * {@link JirasimHandle} is injected into parameters and into fields of that type (static fields for per-class).
 */
public final class JirasimExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    public static final String DEFAULT_CONSENT_USER = "alice@acme.test";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(JirasimExtension.class);
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Settings configured;

    /** Used by {@code @Jirasim}: settings come from the annotation. */
    public JirasimExtension() {
        this.configured = null;
    }

    private JirasimExtension(Settings settings) {
        this.configured = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    record Settings(String world, WorldFile worldFile, Lifecycle lifecycle, int port, String consentAs, boolean localSiteUrls,
                    boolean shuffleAccessibleResources) {
    }

    /** Options of a programmatically registered extension; the same as {@link Jirasim}'s. */
    public static final class Builder {
        private String world = "";
        private WorldFile worldFile;
        private Lifecycle lifecycle = Lifecycle.PER_METHOD;
        private int port;
        private String consentAs = DEFAULT_CONSENT_USER;
        private boolean localSiteUrls;
        private boolean shuffleAccessibleResources;

        /** A classpath resource or file path of a world file (YAML or JSON). */
        public Builder world(String resourceOrPath) {
            this.world = resourceOrPath;
            return this;
        }

        /** A world built in code. */
        public Builder world(WorldFile world) {
            this.worldFile = world;
            return this;
        }

        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Who approves consent automatically on all their sites (e-mail or account id). */
        public Builder consentAs(String user) {
            this.consentAs = user;
            return this;
        }

        /** The consent pages wait for a person or a browser test. */
        public Builder interactiveConsent() {
            this.consentAs = "";
            return this;
        }

        /** Sites are named by the simulator's {@code /site/{subdomain}} (see {@link Jirasim#localSiteUrls()}). */
        public Builder localSiteUrls() {
            this.localSiteUrls = true;
            return this;
        }

        /** accessible-resources changes its order on every request (see {@link Jirasim#shuffleAccessibleResources()}). */
        public Builder shuffleAccessibleResources() {
            this.shuffleAccessibleResources = true;
            return this;
        }

        public JirasimExtension build() {
            return new JirasimExtension(new Settings(world, worldFile, lifecycle, port, consentAs, localSiteUrls, shuffleAccessibleResources));
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        Settings s = settings(context);
        if (s.lifecycle() == Lifecycle.PER_CLASS) {
            JirasimHandle handle = open(context, s, context.getRequiredTestClass().getSimpleName());
            context.getStore(NS).put("handle", handle);
            injectFields(context.getRequiredTestClass(), null, handle, true);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Settings s = settings(context);
        JirasimHandle handle;
        if (s.lifecycle() == Lifecycle.PER_METHOD) {
            handle = open(context, s, context.getRequiredTestMethod().getName());
            context.getStore(NS).put("handle", handle);
        } else {
            handle = handle(context);
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(instance.getClass(), instance, handle, false);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (settings(context).lifecycle() == Lifecycle.PER_METHOD) close(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (settings(context).lifecycle() == Lifecycle.PER_CLASS) close(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == JirasimHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        JirasimHandle handle = handle(context);
        if (handle == null) {
            throw new ExtensionConfigurationException("No Jirasim world here yet: per-method worlds exist from @BeforeEach on; "
                    + "use lifecycle PER_CLASS to take one in @BeforeAll or a constructor.");
        }
        return handle;
    }

    // ---- worlds -----------------------------------------------------------------------------------

    private JirasimHandle open(ExtensionContext context, Settings s, String name) {
        JirasimServer server = Servers.shared(context.getRoot(), s.port());
        String id = tenantId(name);
        WorldFile seed = s.worldFile() != null ? s.worldFile()
                : s.world().isEmpty() ? Tenants.rebase(server.seed(), server.baseUrl(), server.baseUrl(id))
                : server.parseWorld(readWorld(context, s.world()), id);
        server.createTenant(id, withCloud(withConsent(seed, s.consentAs()), s));
        return new JirasimHandle(server, id);
    }

    private static void close(ExtensionContext context) {
        JirasimHandle handle = context.getStore(NS).remove("handle", JirasimHandle.class);
        if (handle != null) {
            handle.closeWebhooks();
            handle.server().removeTenant(handle.tenantId());
        }
    }

    /** The cloud options the annotation turns on, in the seed like consent; off leaves the world's own setting. */
    private static WorldFile withCloud(WorldFile seed, Settings s) {
        if (!s.localSiteUrls() && !s.shuffleAccessibleResources()) return seed;
        CloudOptions cloud = seed.cloud() == null ? CloudOptions.DEFAULTS : seed.cloud();
        if (s.localSiteUrls()) cloud = cloud.withSiteUrls(CloudOptions.SiteUrls.LOCAL);
        if (s.shuffleAccessibleResources()) cloud = cloud.withShuffleAccessibleResources(true);
        return seed.withCloud(cloud);
    }

    /** Automatic consent lives in the tenant's seed, so a reset keeps it. */
    private static WorldFile withConsent(WorldFile seed, String user) {
        if (user == null || user.isEmpty()) return seed;
        boolean present = seed.users().stream().anyMatch(u -> u.matches(user));
        if (!present) {
            if (user.equals(DEFAULT_CONSENT_USER)) return seed; // a custom world without alice: consent stays interactive
            throw new ExtensionConfigurationException("consentAs names " + user + ", who is not in the world");
        }
        return seed.withConsent(new Consent(Consent.Mode.AUTO, user, null, Consent.Decision.APPROVE));
    }

    private static String readWorld(ExtensionContext context, String world) {
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        String resource = world.startsWith("/") ? world.substring(1) : world;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExtensionConfigurationException("cannot read world resource " + world, e);
        }
        Path path = Path.of(world);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExtensionConfigurationException("world " + world + " is neither a classpath resource nor a readable file", e);
        }
    }

    /** Readable in logs and the journal, unique in the run, within the tenant id rules. */
    static String tenantId(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9._-]", "-").toLowerCase(Locale.ROOT);
        if (clean.length() > 40) clean = clean.substring(0, 40);
        return "j" + COUNTER.incrementAndGet() + "-" + clean;
    }

    private Settings settings(ExtensionContext context) {
        if (configured != null) return configured;
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Jirasim.class)
                .map(a -> new Settings(a.world(), null, a.lifecycle(), a.port(), a.consentAs(), a.localSiteUrls(), a.shuffleAccessibleResources()))
                .orElseGet(() -> new Settings("", null, Lifecycle.PER_METHOD, 0, DEFAULT_CONSENT_USER, false, false));
    }

    /** The nearest world: the method's, else the class's (found through the store's parent chain). */
    private static JirasimHandle handle(ExtensionContext context) {
        return context.getStore(NS).get("handle", JirasimHandle.class);
    }

    private static void injectFields(Class<?> type, Object instance, JirasimHandle handle, boolean statics) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mods = f.getModifiers();
                if (f.getType() != JirasimHandle.class || Modifier.isFinal(mods) || Modifier.isStatic(mods) != statics) continue;
                try {
                    f.setAccessible(true);
                    f.set(instance, handle);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new ExtensionConfigurationException("cannot inject JirasimHandle into " + f, e);
                }
            }
        }
    }

    /** One server per port for the whole run, kept in the root store and closed when the run ends. */
    static final class Servers {
        private Servers() {
        }

        static JirasimServer shared(ExtensionContext root, int port) {
            return root.getStore(NS).getOrComputeIfAbsent("server:" + port, k -> new Running(start(port)), Running.class).sim;
        }

        private static JirasimServer start(int port) {
            var config = port == 0 ? SimulatorConfig.builder().randomPort().build() : SimulatorConfig.builder().port(port).build();
            return JirasimServer.start(config);
        }
    }

    @SuppressWarnings("deprecation")
    private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final JirasimServer sim;
        private boolean closed;

        Running(JirasimServer sim) {
            this.sim = sim;
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            sim.close();
        }
    }
}
