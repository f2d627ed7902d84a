package dev.jirasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.world.ApiToken;
import dev.jirasim.simulator.world.WorldException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The handle's site host URL, API tokens and Data Center passwords, used as a client would use them. */
@Jirasim
class CredentialsTest {
    private static final String ACME_CLOUD_ID = "7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70";

    @Test
    void theSiteUrlIsThisWorldsSiteHost(JirasimHandle sim) {
        assertEquals(sim.baseUrl() + "/site/acme", sim.siteUrl("acme"));
        assertEquals(sim.siteUrl("acme"), sim.siteUrl(ACME_CLOUD_ID), "a cloudId resolves to its subdomain");
        Http.Answer info = Http.get(sim.siteUrl(ACME_CLOUD_ID) + "/_edge/tenant_info", null);
        assertEquals(200, info.status(), info.body());
        assertEquals("{\"cloudId\":\"" + ACME_CLOUD_ID + "\"}", info.body());
        assertThrows(IllegalArgumentException.class, () -> sim.siteUrl("nowhere"));
    }

    @Test
    void aNewApiTokenSignsInOnTheSiteHostUntilRevoked(JirasimHandle sim) {
        ApiToken token = sim.apiToken("bob@acme.test");
        assertTrue(token.token().startsWith("ATATT3xFfGF0"), token.token());
        assertEquals(token.created().plus(Duration.ofDays(365)), token.expiresAt(), "365 days unless told otherwise");

        Http.Answer myself = Http.getBasic(sim.siteUrl("acme") + "/rest/api/3/myself", "bob@acme.test", token.token());
        assertEquals(200, myself.status(), myself.body());
        assertTrue(myself.body().contains("\"emailAddress\":\"bob@acme.test\""), myself.body());

        assertTrue(sim.revokeApiToken("bob@acme.test", token.token()));
        assertEquals(401, Http.getBasic(sim.siteUrl("acme") + "/rest/api/3/myself", "bob@acme.test", token.token()).status());
        assertFalse(sim.revokeApiToken("bob@acme.test", "ATATT3xFfGF0unknown=00000000"));
    }

    @Test
    void aTokensLifetimeRunsOnThisWorldsClock(JirasimHandle sim) {
        sim.clock().freeze();
        ApiToken token = sim.apiToken("alice@acme.test", "nightly", Duration.ofDays(2));
        assertEquals("nightly", token.label());
        assertEquals(sim.clock().now().plus(Duration.ofDays(2)), token.expiresAt());
        String myself = sim.siteUrl("acme") + "/rest/api/3/myself";
        assertEquals(200, Http.getBasic(myself, "alice@acme.test", token.token()).status());
        sim.clock().advance(Duration.ofDays(2));
        assertEquals(401, Http.getBasic(myself, "alice@acme.test", token.token()).status());

        assertThrows(IllegalArgumentException.class, () -> sim.apiToken("alice@acme.test", "too long", Duration.ofDays(400)));
        assertThrows(WorldException.class, () -> sim.apiToken("nobody@x.test"));
    }

    @Test
    void aDataCenterPasswordIsSetAndRemoved(JirasimHandle sim) {
        String myself = sim.dcUrl("dc1") + "/rest/api/2/myself";
        sim.dcPassword("dc1", "jdoe", "changed-in-test");
        Http.Answer signedIn = Http.getBasic(myself, "jdoe", "changed-in-test");
        assertEquals(200, signedIn.status(), signedIn.body());
        assertEquals("jdoe", signedIn.header("X-AUSERNAME"));
        assertEquals(401, Http.getBasic(myself, "jdoe", "jdoe-password").status());

        sim.dcPassword("dc1", "jdoe", null);
        assertEquals(401, Http.getBasic(myself, "jdoe", "changed-in-test").status());
        assertNull(sim.control().exportWorld().dataCenter().get(0).user("jdoe").orElseThrow().password());
        assertThrows(WorldException.class, () -> sim.dcPassword("dc1", "ghost", "x"));
    }
}
