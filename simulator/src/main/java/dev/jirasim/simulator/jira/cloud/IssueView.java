package dev.jirasim.simulator.jira.cloud;

import dev.jirasim.simulator.world.Issue;
import java.util.LinkedHashMap;
import java.util.Map;

/** One issue as Jira returns it, with the fields asked for. */
final class IssueView {
    static final String EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

    private IssueView() {
    }

    static Map<String, Object> of(Caller c, Issue issue, FieldSelection selection) {
        var m = new LinkedHashMap<String, Object>();
        m.put("expand", EXPAND);
        m.put("id", issue.id());
        m.put("self", c.apiBase() + "/issue/" + issue.id());
        m.put("key", issue.key());
        if (!selection.none()) {
            var all = JiraJson.fields(c, issue);
            var fields = new LinkedHashMap<String, Object>();
            for (String name : FieldSelection.ALL) if (selection.fields().contains(name) && all.containsKey(name)) fields.put(name, all.get(name));
            m.put("fields", fields);
        }
        return m;
    }
}
