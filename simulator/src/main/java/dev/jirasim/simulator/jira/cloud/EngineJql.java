package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Issue;
import java.util.List;

/** Binds the REST layer to the JQL engine (dev.jirasim.simulator.jql). */
final class EngineJql implements JqlAdapter {
    @Override
    public boolean bounded(String jql) {
        return true;
    }

    @Override
    public List<Issue> search(Caller caller, String jql) {
        throw new Invalid(List.of("JQL engine not bound yet"));
    }
}
