package dev.jirasim.bench;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.SimulatorConfig;
import dev.jirasim.simulator.control.TokenRequestSpec;
import dev.jirasim.simulator.tenant.Tenant;
import dev.jirasim.simulator.tenant.Tenants;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the JUnit extension pays per test and per run, in a warm JVM:
 * <ul>
 *   <li>{@code perTestWorld}: create a tenant seeded with the default world (three sites, six projects,
 *       360 issues) and drop it, as {@code @Jirasim} does around every test method;</li>
 *   <li>{@code tokenValidation}: check a bearer token as every gateway request does;</li>
 *   <li>{@code resetWorld}: reset one tenant to its seed (what {@code POST /__admin/reset} does);</li>
 *   <li>{@code embeddedStart}: start a simulator, mint tokens, answer one authorized HTTP call, stop;</li>
 *   <li>{@code bareJavalinStart}: the same start, one call and stop for a bare Javalin "hello" route, the
 *       floor of our stack, measured in the same run for the ratio.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TenantBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @State(Scope.Benchmark)
    public static class Running {
        JirasimServer sim;
        Tenant tenant;
        String accessToken;
        final AtomicLong ids = new AtomicLong();

        @Setup(Level.Trial)
        public void start() {
            sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build());
            tenant = sim.createTenant("bench");
            sim.control().setClock(null, true); // the token stays valid for the whole trial
            accessToken = sim.control().issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme")).accessToken();
        }

        @TearDown(Level.Trial)
        public void stop() {
            sim.close();
        }
    }

    @Benchmark
    public Object perTestWorld(Running r) {
        String id = "b" + r.ids.incrementAndGet();
        Tenant t = r.sim.createTenant(id, Tenants.rebase(r.sim.seed(), r.sim.baseUrl(), r.sim.baseUrl(id)));
        r.sim.removeTenant(id);
        return t;
    }

    /** What every API request pays first: the bearer token looked up and checked (expiry, revocation). */
    @Benchmark
    public Object tokenValidation(Running r) {
        return dev.jirasim.simulator.atlassian.resources.Bearer.authenticate(r.sim.defaultTenant().world(), "Bearer " + r.accessToken);
    }

    @Benchmark
    public Object resetWorld(Running r) {
        r.tenant.reset();
        return r.tenant.world();
    }

    @Benchmark
    public int embeddedStart() throws Exception {
        try (JirasimServer sim = JirasimServer.start(SimulatorConfig.builder().randomPort().build())) {
            String token = sim.control().issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme")).accessToken();
            return get(sim.apiUrl() + "/me", token);
        }
    }

    @Benchmark
    public int bareJavalinStart() throws Exception {
        Javalin app = BareJavalin.start();
        try {
            return get("http://127.0.0.1:" + app.port() + "/hello", null);
        } finally {
            app.stop();
        }
    }

    private static int get(String url, String token) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) b.header("Authorization", "Bearer " + token);
        int status = HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) throw new IllegalStateException(url + " answered " + status);
        return status;
    }
}
