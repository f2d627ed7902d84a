package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.jql.IssueIndex;
import dev.jirasim.simulator.jql.JqlException;
import dev.jirasim.simulator.jql.ParseCache;
import dev.jirasim.simulator.jql.Query;
import dev.jirasim.simulator.jql.ResultCache;
import dev.jirasim.simulator.jql.SearchContext;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.World;
import java.util.List;

/**
 * Binds the REST layer to the JQL engine: one index per site, built on first search and kept in step with
 * every issue change by the world's listeners; thrown away with the world. Parsed queries and recent results
 * are reused (see {@link ResultCache} for what makes two searches equal).
 */
final class EngineJql implements JqlAdapter {
    private static final World.Derived<IssueIndex> INDEX = World.Derived.named("jql-index");
    private static final World.Derived<ResultCache> RESULTS = World.Derived.named("jql-results");
    private final ParseCache queries = new ParseCache();

    @Override
    public boolean bounded(String jql) {
        try {
            return queries.parse(jql).isBounded();
        } catch (JqlException e) {
            return true; // not our call: the search reports the syntax error with Jira's text
        }
    }

    /** What a query means for this caller: who "currentUser()" is, what they may browse, the site's schema. */
    static SearchContext context(CloudCaller c) {
        String site = c.site().subdomain();
        return new SearchContext(c.user().accountId(), c.world().clock().now(), SearchContext.zoneOf(c.user().zoneinfo()), c::canBrowse,
                ref -> c.world().user(ref), ref -> c.world().jira().projectByRef(site, ref),
                SearchContext.partsOf(c.world().jira().projects(site).stream().filter(c::canBrowse).toList()),
                new SearchContext.Schema(c.world().jiraSettings().customFields(site),
                        c.world().jiraSettings().sprints().stream().filter(s -> s.site().equals(site)).toList(),
                        c.world().jira().projects(site)));
    }

    @Override
    public List<Issue> search(CloudCaller c, String jql, int limit) {
        String site = c.site().subdomain();
        IssueIndex index = c.world().derived(INDEX.of(site), () -> IssueIndex.of(c.world().jira(), site));
        var context = context(c);
        try {
            Query query = jql == null || jql.isBlank() ? new Query(null, List.of()) : queries.parse(jql);
            ResultCache results = c.world().derived(RESULTS.of(site), ResultCache::new);
            return results.search(index, jql == null ? "" : jql, query, context, limit);
        } catch (JqlException e) {
            throw new Invalid(e.errorMessages());
        }
    }
}
