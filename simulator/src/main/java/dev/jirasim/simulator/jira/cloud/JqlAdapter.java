package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Issue;
import java.util.List;

/** What the REST layer needs from the JQL engine: validated, permission-limited, ordered results. */
interface JqlAdapter {
    /** A query Jira would reject: messages in Jira's texts. */
    final class Invalid extends RuntimeException {
        final List<String> messages;

        Invalid(List<String> messages) {
            super(String.join("; ", messages), null, false, false);
            this.messages = List.copyOf(messages);
        }
    }

    /** True when the query restricts the search (enhanced search rejects unbounded queries). */
    boolean bounded(String jql);

    /** Every issue the caller may browse that matches, in the query's order. */
    default List<Issue> search(CloudCaller caller, String jql) {
        return search(caller, jql, Integer.MAX_VALUE);
    }

    /** The first {@code limit} of those: a page needs only as far as its end (and one more to know it is not the last). */
    List<Issue> search(CloudCaller caller, String jql, int limit);
}
