package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.JiraCatalog;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * DC's JSON for the fixed catalog every simulated instance shares (issue types, priorities, statuses and their
 * categories, resolutions), with links and icons on the instance's own base URL, where DC serves them
 * ({@code /secure/viewavatar}, {@code /images/icons/…}), never on a CDN as Cloud does.
 */
final class DcCatalogJson {
    private DcCatalogJson() {
    }

    /** {@code IssueTypeJsonBean}: DC keeps {@code avatarId}, and has no {@code hierarchyLevel} or {@code untranslatedName}. */
    static Map<String, Object> issueType(String base, JiraCatalog.IssueType t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/issuetype/" + t.id());
        m.put("id", t.id());
        m.put("description", t.description());
        m.put("iconUrl", base + "/secure/viewavatar?size=xsmall&avatarId=" + t.avatarId() + "&avatarType=issuetype");
        m.put("name", t.name());
        m.put("subtask", t.subtask());
        m.put("avatarId", t.avatarId());
        return m;
    }

    /** A priority as an issue embeds it. */
    static Map<String, Object> priority(String base, JiraCatalog.Priority p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/priority/" + p.id());
        m.put("iconUrl", priorityIcon(base, p));
        m.put("name", p.name());
        m.put("id", p.id());
        return m;
    }

    /** {@code PriorityJsonBean}, as {@code /priority} lists it: the embedded form plus colour and description. */
    static Map<String, Object> priorityDetails(String base, JiraCatalog.Priority p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/priority/" + p.id());
        m.put("statusColor", p.statusColor());
        m.put("description", p.description());
        m.put("iconUrl", priorityIcon(base, p));
        m.put("name", p.name());
        m.put("id", p.id());
        return m;
    }

    private static String priorityIcon(String base, JiraCatalog.Priority p) {
        return base + "/images/icons/priorities/" + p.name().toLowerCase(Locale.ROOT) + ".svg";
    }

    /** {@code StatusJsonBean}; the same form whether listed or embedded in an issue. */
    static Map<String, Object> status(String base, JiraCatalog.Status s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/status/" + s.id());
        m.put("description", "");
        m.put("iconUrl", base + "/images/icons/statuses/generic.png");
        m.put("name", s.name());
        m.put("id", s.id());
        m.put("statusCategory", statusCategory(base, s.category()));
        return m;
    }

    static Map<String, Object> statusCategory(String base, JiraCatalog.StatusCategory c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/statuscategory/" + c.id());
        m.put("id", c.id());
        m.put("key", c.key());
        m.put("colorName", c.colorName());
        m.put("name", c.name());
        return m;
    }

    static Map<String, Object> resolution(String base, JiraCatalog.Resolution r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/resolution/" + r.id());
        m.put("id", r.id());
        m.put("description", r.description());
        m.put("name", r.name());
        return m;
    }
}
