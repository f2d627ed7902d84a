package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.clock.SimClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Export → import → export is the identity, in YAML and JSON, for worlds with live token state. */
class WorldFileProperties {
    private static final String BASE = "http://localhost:8484";

    record Scenario(int sites, int users, List<Integer> memberships, List<List<String>> consents, long advanceSeconds, long seed) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<String>> scopes = Arbitraries.of("read:jira-work", "write:jira-work", "read:me", "offline_access")
                .list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        return Combinators.combine(
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 15).list().ofSize(4),
                scopes.list().ofMaxSize(4),
                Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.longs().between(1, 1000)).as(Scenario::new);
    }

    @Property(tries = 60)
    void exportImportExportIsIdentical(@ForAll("scenarios") Scenario s) {
        var clock = new SimClock();
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        clock.freeze();
        World world = World.of(generate(s), clock);
        // Give the world token state: grants, used and unused codes, rotated and revoked tokens.
        int i = 0;
        for (List<String> scopes : s.consents()) {
            User user = new ArrayList<>(world.users()).get(i++ % world.users().size());
            var sites = user.sites().stream().map(sub -> world.site(sub).orElseThrow().cloudId()).toList();
            Grant grant = world.tokens().consent("app", user.accountId(), scopes, sites);
            var code = world.tokens().issueCode(grant, "http://localhost:3000/cb", scopes, null, null);
            if (i % 2 == 0) {
                var out = world.tokens().redeem(code.code(), "app", "http://localhost:3000/cb", null, false);
                if (out instanceof TokenStore.Outcome.Issued<TokenStore.CodeRejection> issued && issued.pair().refresh() != null) {
                    clock.advance(java.time.Duration.ofSeconds(s.advanceSeconds()));
                    world.tokens().refresh(issued.pair().refresh().token(), "app");
                }
            }
        }
        WorldFile first = world.export();
        for (String text : List.of(WorldFiles.toYaml(first), WorldFiles.toJson(first))) {
            WorldFile second = World.of(WorldFiles.parse(text, BASE), clock).export();
            assertEquals(first, second);
            assertEquals(WorldFiles.toJson(first), WorldFiles.toJson(second));
        }
    }

    /** One project per site, every member may browse: issues (generated) travel through the round trip too. */
    private static List<Project> generatedProjects(List<Site> sites) {
        var projects = new ArrayList<Project>();
        for (int i = 0; i < sites.size(); i++) {
            projects.add(new Project(Integer.toString(10000 + i), "P" + i, null, sites.get(i).subdomain(), null, null,
                    java.util.Map.of("*", List.of(Permission.BROWSE))));
        }
        return projects;
    }

    private static WorldFile generate(Scenario s) {
        var sites = new ArrayList<Site>();
        for (int i = 0; i < s.sites(); i++) {
            sites.add(new Site(String.format("00000000-0000-4000-8000-%012d", i), "site" + i, null, null, null));
        }
        var users = new ArrayList<User>();
        for (int u = 0; u < s.users(); u++) {
            int mask = s.memberships().get(u);
            var member = new ArrayList<String>();
            for (int i = 0; i < s.sites(); i++) if ((mask & (1 << i)) != 0) member.add("site" + i);
            users.add(new User("acct-" + u, "user" + u + "@x.test", "User " + u, null, null, null, null, member,
                    member.isEmpty() ? List.of() : List.of(member.get(0))));
        }
        var app = new OAuthApp("app", "secret", "App", List.of("http://localhost:3000/cb", "${publicUrl}/cb"),
                List.of("read:jira-work", "write:jira-work", "read:me"), OAuthApp.Distribution.PRIVATE, "user0@x.test", null);
        return WorldFiles.parse(WorldFiles.toJson(new WorldFile(1, null, null, sites, users, List.of(app), null, generatedProjects(sites), new IssueGenerator.Spec(s.seed(), 3), null, null)), BASE);
    }
}
