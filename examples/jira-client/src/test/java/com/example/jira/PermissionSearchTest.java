package com.example.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.junit.Jirasim;
import dev.jirasim.junit.JirasimHandle;
import dev.jirasim.simulator.world.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scopes say what an app may call; the user's project permissions still cut every result. */
@Jirasim
class PermissionSearchTest {

    @Test
    void bobsSearchLeavesOutTheProjectHeMayNotBrowse(JirasimHandle sim) {
        TinyJira bob = Clients.forUser(sim, "bob@acme.test");
        var acme = bob.site("acme").orElseThrow();
        List<String> keys = bob.searchKeys(acme, "project IS NOT EMPTY ORDER BY key");
        assertEquals(120, keys.size(), "ACME and OPS, 60 issues each, through several pages");
        assertTrue(keys.stream().noneMatch(k -> k.startsWith("SEC-")));
        assertEquals(keys.size(), keys.stream().distinct().count(), "pages do not repeat issues");
    }

    @Test
    void aliceSeesAllThreeProjects(JirasimHandle sim) {
        TinyJira alice = Clients.forUser(sim, "alice@acme.test", "acme");
        assertEquals(180, alice.searchKeys(alice.site("acme").orElseThrow(), "project IS NOT EMPTY").size());
    }

    @Test
    void namingTheHiddenProjectIsAnErrorAsIfItDidNotExist(JirasimHandle sim) {
        TinyJira bob = Clients.forUser(sim, "bob@acme.test");
        var e = assertThrows(TinyJira.JiraException.class, () -> bob.searchKeys(bob.site("acme").orElseThrow(), "project = SEC"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("The value 'SEC' does not exist for the field 'project'."), e.getMessage());
    }

    @ParameterizedTest(name = "bob creates and finds his own issues in {0}")
    @ValueSource(strings = {"ACME", "OPS"})
    void createdIssuesAreFoundAtOnce(String project, JirasimHandle sim) {
        TinyJira bob = Clients.forUser(sim, "bob@acme.test");
        var acme = bob.site("acme").orElseThrow();
        String a = bob.createIssue(acme, project, "needle " + project);
        String b = bob.createIssue(acme, project, "needle " + project);
        assertEquals(List.of(a, b), bob.searchKeys(acme, "summary ~ needle ORDER BY key"));
        assertEquals(project + "-61", a, "a fresh world numbers from the seed");
    }

    @Test
    void aliceSecretIssueStaysHiddenFromBob(JirasimHandle sim) {
        TinyJira alice = Clients.forUser(sim, "alice@acme.test", "acme");
        TinyJira bob = Clients.forUser(sim, "bob@acme.test");
        var acme = alice.site("acme").orElseThrow();
        String secret = alice.createIssue(acme, "SEC", "quiet launch");
        assertEquals(List.of(secret), alice.searchKeys(acme, "summary ~ quiet"));
        assertEquals(List.of(), bob.searchKeys(acme, "summary ~ quiet"));
    }

    @Test
    void aNewColleagueWithBrowseOnlySeesButCannotCreate(JirasimHandle sim) {
        sim.world().user("dana@acme.test", "Dana", "acme").deny("OPS", "*").permit("OPS", "dana@acme.test", Permission.BROWSE).apply();
        TinyJira dana = Clients.forUser(sim, "dana@acme.test");
        var acme = dana.site("acme").orElseThrow();
        List<String> keys = dana.searchKeys(acme, "project in (ACME, OPS)");
        assertFalse(keys.isEmpty());
        assertTrue(keys.stream().noneMatch(k -> k.startsWith("SEC-")));
        var e = assertThrows(TinyJira.JiraException.class, () -> dana.createIssue(acme, "OPS", "not allowed"));
        assertEquals(400, e.status(), e.getMessage());
    }
}
