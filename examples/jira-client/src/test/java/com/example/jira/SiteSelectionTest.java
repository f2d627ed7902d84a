package com.example.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One token can cover several sites; the client must pick the right cloudId. */
@Jirasim
class SiteSelectionTest {

    @ParameterizedTest(name = "{0} on {1}: listed = {2}")
    @CsvSource({
            "alice@acme.test, acme, true", "alice@acme.test, globex, true", "alice@acme.test, initech, false",
            "bob@acme.test, acme, true", "bob@acme.test, globex, false",
            "carol@globex.test, globex, true", "carol@globex.test, acme, false"})
    void accessibleResourcesListExactlyTheGrantedSites(String user, String site, boolean listed, JirasimHandle sim) {
        TinyJira jira = Clients.forUser(sim, user);
        assertEquals(listed, jira.site(site).isPresent(), () -> jira.sites().toString());
        if (listed) assertEquals(sim.cloudId(site), jira.site(site).orElseThrow().cloudId());
    }

    @ParameterizedTest(name = "{0} is {0} on {1}")
    @CsvSource({"alice@acme.test, acme", "alice@acme.test, globex", "bob@acme.test, acme", "carol@globex.test, globex"})
    void eachSiteKnowsTheTokensUser(String user, String site, JirasimHandle sim) {
        TinyJira jira = Clients.forUser(sim, user);
        assertEquals(user, jira.myEmail(jira.site(site).orElseThrow()));
    }

    @Test
    void oneTokenTwoSitesTwoCloudIds(JirasimHandle sim) {
        TinyJira jira = Clients.forUser(sim, "alice@acme.test", "acme", "globex");
        List<TinyJira.Site> sites = jira.sites();
        assertEquals(2, sites.size());
        assertNotEquals(sites.get(0).cloudId(), sites.get(1).cloudId());
        assertTrue(sites.stream().allMatch(s -> s.scopes().contains("read:jira-work")), sites::toString);
    }

    @Test
    void aTokenForOneSiteIsRefusedOnAnother(JirasimHandle sim) {
        TinyJira jira = Clients.forUser(sim, "alice@acme.test", "acme");
        var globex = new TinyJira.Site(sim.cloudId("globex"), "globex", "https://globex.atlassian.net", List.of());
        var e = org.junit.jupiter.api.Assertions.assertThrows(TinyJira.JiraException.class, () -> jira.myEmail(globex));
        assertEquals(401, e.status());
    }
}
