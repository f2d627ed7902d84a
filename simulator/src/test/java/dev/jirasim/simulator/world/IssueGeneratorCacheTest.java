package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated issues are shared between worlds made from the same inputs; the cache's key hashes only some of them,
 * so inputs that differ only in the site's settings must still get issues of their own.
 */
class IssueGeneratorCacheTest {
    private final WorldFile world = WorldFiles.defaultWorld("http://localhost:1");
    private final Project project = world.projects().get(0);
    private final List<String> people = List.of("557058:aaaa", "557058:bbbb");

    @Test
    void theSameInputsShareOneList() {
        var spec = new IssueGenerator.Spec(41L, 7);
        var first = IssueGenerator.generate(spec, project, people, 20_000, world.jira());
        assertSame(first, IssueGenerator.generate(new IssueGenerator.Spec(41L, 7), project, List.copyOf(people), 20_000, world.jira()));
    }

    @Test
    void otherSettingsOfTheSiteGetIssuesOfTheirOwn() {
        var spec = new IssueGenerator.Spec(43L, 7);
        var withFields = IssueGenerator.generate(spec, project, people, 20_000, world.jira());
        var plain = IssueGenerator.generate(spec, project, people, 20_000, JiraSettings.DEFAULTS);
        assertNotSame(withFields, plain);
        assertEquals(IssueGenerator.generate(spec, project, people, 20_000, JiraSettings.DEFAULTS), plain);
        assertNotEquals(withFields, plain, "the default world's custom fields give the issues values the plain settings do not");
    }
}
