package dev.jirasim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an in-process Jirasim. Every test method gets its own isolated world (a tenant
 * of one server shared by the whole test run), so tests may run in parallel. Take the world through a
 * {@link JirasimHandle} parameter or field:
 * <pre>{@code
 * @Jirasim
 * class MyClientTest {
 *     @Test
 *     void searches(JirasimHandle sim) {
 *         var tokens = sim.tokens("alice@acme.test", "acme");
 *         var client = new MyJiraClient(sim.jiraUrl("acme"), tokens.accessToken());
 *         ...
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(JirasimExtension.class)
public @interface Jirasim {
    /**
     * The world: a classpath resource or a file path to a world file (YAML or JSON). Empty means the default
     * world (three sites, alice, bob and carol, six projects).
     */
    String world() default "";

    /** A fresh world for each test method (the default), or one world for the whole class. */
    Lifecycle lifecycle() default Lifecycle.PER_METHOD;

    /** The port of the shared server; 0 (the default) means a random free port. */
    int port() default 0;

    /**
     * Who approves the consent screen automatically, on all of their sites. Default: alice (when the world has
     * her). Empty: the consent pages wait for a person (or a browser test) to decide.
     */
    String consentAs() default JirasimExtension.DEFAULT_CONSENT_USER;

    /**
     * Name sites by the simulator's site host, {@code {base}/site/{subdomain}}, instead of the real
     * {@code https://{subdomain}.atlassian.net}: in accessible-resources ({@code url}) and {@code serverInfo}
     * ({@code baseUrl}), so a client that follows them stays local. Off (the default) keeps what the world says.
     */
    boolean localSiteUrls() default false;

    /**
     * accessible-resources lists the sites in a new order on every request, as Atlassian may (its order "means
     * nothing"): a client that takes the first entry instead of choosing a cloudId fails. Off keeps the world's setting.
     */
    boolean shuffleAccessibleResources() default false;
}
