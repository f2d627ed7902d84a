package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class PerClassAndBuilderTest {

    /** One world for the class: what the first test makes, the second finds. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Jirasim(lifecycle = Lifecycle.PER_CLASS, consentAs = "bob@acme.test")
    class PerClass {
        static JirasimHandle shared;
        static String created;

        @BeforeAll
        static void worldExistsBeforeAll(JirasimHandle sim) {
            assertEquals(sim.tenantId(), shared.tenantId());
        }

        @Test
        @Order(1)
        void createsAnIssue(JirasimHandle sim) {
            created = Http.createIssue(sim, sim.tokens("bob@acme.test", "acme").accessToken(), "ACME", "kept for the class");
            assertEquals("bob@acme.test", sim.control().consent().user());
        }

        @Test
        @Order(2)
        void theNextTestStillSeesIt(JirasimHandle sim) {
            assertNotNull(created);
            Http.Answer a = Http.get(sim.jiraUrl("acme") + "/rest/api/3/issue/" + created, sim.tokens("bob@acme.test").accessToken());
            assertEquals(200, a.status(), a.body());
        }
    }

    /** Configured in code, with a world file from the classpath. */
    @Nested
    class Programmatic {
        @RegisterExtension
        final JirasimExtension extension = JirasimExtension.builder().world("worlds/small.yaml").consentAs("sam@small.test").build();

        @Test
        void usesTheWorldFileAndItsUser(JirasimHandle sim) {
            assertEquals(java.util.List.of("small"), sim.control().exportWorld().sites().stream().map(s -> s.subdomain()).toList());
            assertEquals("sam@small.test", sim.control().consent().user());
            // ${publicUrl} in the file points into this test's own world.
            assertEquals(sim.baseUrl() + "/callback", sim.control().exportWorld().apps().get(0).callbackUrls().get(0));
            Http.Answer a = Http.get(sim.authUrl() + "/authorize?audience=api.atlassian.com&client_id=small-app&scope=read%3Ame"
                    + "&redirect_uri=" + java.net.URLEncoder.encode(sim.baseUrl() + "/callback", java.nio.charset.StandardCharsets.UTF_8)
                    + "&state=s&response_type=code", null);
            assertEquals(302, a.status(), a.body());
            assertTrue(a.header("Location").startsWith(sim.baseUrl() + "/callback?code="), a.header("Location"));
        }
    }
}
