package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldFileTest {
    private static final String BASE = "http://localhost:9999";

    @Test
    void theDefaultWorldHasTheDocumentedIdentities() {
        World world = World.of(WorldFiles.defaultWorld(BASE), new SimClock());
        assertEquals(List.of("acme", "globex", "initech"), world.sites().stream().map(Site::subdomain).toList());
        User alice = world.user("alice@acme.test").orElseThrow();
        assertEquals(List.of("acme", "globex"), alice.sites());
        assertEquals(List.of("acme"), alice.siteAdmin());
        assertEquals(List.of("acme"), world.user("bob@acme.test").orElseThrow().sites());
        assertEquals(List.of("globex"), world.user("carol@globex.test").orElseThrow().sites());
        OAuthApp app = world.app("jirasim-client").orElseThrow();
        assertEquals("jirasim-secret", app.clientSecret());
        assertEquals(List.of("http://localhost:3000/callback", BASE + "/nango/oauth/callback", BASE + "/__admin/debugger/callback"), app.callbackUrls());
        assertEquals(OAuthApp.Distribution.PRIVATE, world.app("jirasim-private-client").orElseThrow().distribution());
        assertTrue(world.sites().stream().allMatch(s -> s.cloudId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
    }

    @Test
    void yamlAndJsonExportsReadBackToTheSameWorld() {
        WorldFile file = World.of(WorldFiles.defaultWorld(BASE), new SimClock()).export();
        assertEquals(file, WorldFiles.parse(WorldFiles.toYaml(file), BASE));
        assertEquals(file, WorldFiles.parse(WorldFiles.toJson(file), BASE));
    }

    @Test
    void unknownKeysAreErrorsWithLineAndColumn() {
        var e = assertThrows(WorldException.class, () -> WorldFiles.parse("""
                version: 1
                sites:
                  - cloudId: a
                    subdomain: b
                    colour: red
                """, BASE));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        assertTrue(e.getMessage().contains("sites[0].colour"), e.getMessage());
        assertTrue(e.getMessage().matches(".*\\[line \\d+, column \\d+]"), e.getMessage());
        assertTrue(!e.getMessage().contains("dev.jirasim"), e.getMessage());
    }

    @Test
    void wrongTypesAndVersionsAreErrors() {
        assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\nsites: acme\n", BASE));
        var e = assertThrows(WorldException.class, () -> WorldFiles.parse("version: 7\n", BASE));
        assertTrue(e.getMessage().contains("version 7"));
        assertThrows(WorldException.class, () -> WorldFiles.parse("", BASE));
        var cloud = assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\ncloud:\n  siteUrls: remote\n", BASE));
        assertTrue(cloud.getMessage().contains("siteUrls must be 'real' or 'local', not 'remote'"), cloud.getMessage());
        assertEquals(CloudOptions.SiteUrls.LOCAL, WorldFiles.parse("version: 1\ncloud: {siteUrls: LOCAL}\n", BASE).cloud().siteUrls());
    }

    @Test
    void referencesMustResolve() {
        assertThrows(WorldException.class, () -> World.of(WorldFiles.parse("""
                version: 1
                users:
                  - {accountId: u1, email: a@x.test, sites: [nowhere]}
                """, BASE), new SimClock()));
        assertThrows(WorldException.class, () -> World.of(WorldFiles.parse("""
                version: 1
                apps:
                  - {clientId: c, clientSecret: s, distribution: private, owner: ghost@x.test}
                """, BASE), new SimClock()));
        assertThrows(WorldException.class, () -> World.of(WorldFiles.parse("""
                version: 1
                sites:
                  - {cloudId: c1, subdomain: a}
                  - {cloudId: c1, subdomain: b}
                """, BASE), new SimClock()));
    }

    private static final String SCHEMED = """
            version: 1
            sites: [{cloudId: c1, subdomain: a}]
            users: [{accountId: u1, email: a@x.test, sites: [a]}]
            jira:
              workflows:
                - name: Review
                  site: a
                  statuses: [To Do, In Review, Done]
                  transitions: [{id: "11", from: [To Do], to: In Review}, {id: "21", from: [In Review], to: Done}]
            projects:
              - {id: "1", key: PR, site: a, issueTypes: [Task, Bug], workflowScheme: {Bug: Review}}
              - {id: "2", key: TM, site: a, style: next-gen, issueTypes: [Task, {name: Epic, id: "20000"}]}
            issues:
            """;

    @Test
    void schemesAndWorkflowsAreChecked() {
        World world = World.of(WorldFiles.parse(SCHEMED + "  - {id: \"1\", key: PR-1, site: a, project: PR, summary: s, issueType: Bug, status: In Review, created: 2026-01-01T00:00:00Z}\n", BASE), new SimClock());
        Project team = world.jira().project("a", "TM").orElseThrow();
        // A team-managed project's types get ids of their own; one the world gives is kept.
        assertEquals(List.of("Task", "Epic"), team.issueTypes().stream().map(Project.IssueTypeRef::name).toList());
        assertEquals("20000", team.issueType("Epic").orElseThrow().id());
        assertTrue(Long.parseLong(team.issueType("Task").orElseThrow().id()) > 10_005, team.issueTypes().toString());
        assertEquals("Review", world.jiraSettings().workflowFor(world.jira().project("a", "PR").orElseThrow(), "Bug").name());
        assertEquals(List.of("21"), world.jiraSettings().workflowFor(world.jira().project("a", "PR").orElseThrow(), "Bug")
                .availableFrom("In Review").stream().map(Workflow.Transition::id).toList());

        var wrongStatus = assertThrows(WorldException.class, () -> World.of(WorldFiles.parse(SCHEMED
                + "  - {id: \"1\", key: PR-1, site: a, project: PR, summary: s, issueType: Bug, status: In Progress, created: 2026-01-01T00:00:00Z}\n", BASE), new SimClock()));
        assertEquals("issue PR-1 is in status In Progress, which the workflow of its type (Review) does not have", wrongStatus.getMessage());
        var wrongType = assertThrows(WorldException.class, () -> World.of(WorldFiles.parse(SCHEMED
                + "  - {id: \"1\", key: PR-1, site: a, project: PR, summary: s, issueType: Story, created: 2026-01-01T00:00:00Z}\n", BASE), new SimClock()));
        assertEquals("issue PR-1 is a Story, which project PR does not have; it has [Task, Bug]", wrongType.getMessage());
        var unknownWorkflow = assertThrows(WorldException.class, () -> World.of(WorldFiles.parse(
                SCHEMED.replace("{Bug: Review}", "{Bug: Nope}") + "  []\n", BASE), new SimClock()));
        assertEquals("project PR maps Bug to unknown workflow Nope (site a)", unknownWorkflow.getMessage());
        var badTransition = assertThrows(WorldException.class, () -> WorldFiles.parse(SCHEMED.replace("to: Done}", "to: Closed}") + "  []\n", BASE));
        assertTrue(badTransition.getMessage().contains("unknown status") || badTransition.getMessage().contains("not one of its statuses"),
                badTransition.getMessage());
        var companyId = assertThrows(WorldException.class, () -> WorldFiles.parse(SCHEMED.replace("issueTypes: [Task, Bug]",
                "issueTypes: [{name: Task, id: \"555\"}]") + "  []\n", BASE));
        assertTrue(companyId.getMessage().contains("company-managed"), companyId.getMessage());
    }

    @Test
    void usersMayNameSitesByCloudIdAndTheWorldKeepsSubdomains() {
        World world = World.of(WorldFiles.parse("""
                version: 1
                sites:
                  - {cloudId: 00000000-0000-4000-8000-000000000001, subdomain: one}
                users:
                  - {accountId: u1, email: a@x.test, sites: [00000000-0000-4000-8000-000000000001], siteAdmin: [one]}
                """, BASE), new SimClock());
        assertEquals(List.of("one"), world.user("u1").orElseThrow().sites());
    }

    @Test
    void tokenRecordsWithoutTimestampsAreRefusedNotLoaded() {
        var e = assertThrows(WorldException.class, () -> World.of(WorldFiles.parse("""
                version: 1
                sites: [{cloudId: c1, subdomain: one}]
                users: [{accountId: u1, email: a@x.test, sites: [one]}]
                apps: [{clientId: app, clientSecret: s}]
                tokens:
                  grants: [{id: g1, clientId: app, accountId: u1, createdAt: "2026-01-01T00:00:00Z"}]
                  accessTokens: [{id: a1, token: t1, grantId: g1}]
                """, BASE), new SimClock()));
        assertTrue(e.getMessage().contains("expiresAt"), e.getMessage());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        var e = assertThrows(WorldException.class, () -> WorldFiles.parse("version: 1\nsites:\n  - subdomain: x\n", BASE));
        assertTrue(e.getMessage().contains("missing required field 'cloudId'"), e.getMessage());
    }
}
