package dev.jirasim.simulator.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The old {@code GET /issue/createmeta} body, {@code {expand: "projects", projects: [...]}}, which Cloud still
 * answers and Data Center answered before 9.0: each project with {@code expand: "issuetypes"} and its types.
 */
public final class LegacyCreateMeta {
    private LegacyCreateMeta() {
    }

    public static Map<String, Object> project(Object self, String id, String key, String name, Object avatarUrls, List<?> issueTypes) {
        var project = new LinkedHashMap<String, Object>();
        project.put("expand", "issuetypes");
        project.put("self", self);
        project.put("id", id);
        project.put("key", key);
        project.put("name", name);
        project.put("avatarUrls", avatarUrls);
        project.put("issuetypes", issueTypes);
        return project;
    }

    public static Map<String, Object> body(List<?> projects) {
        var body = new LinkedHashMap<String, Object>();
        body.put("expand", "projects");
        body.put("projects", projects);
        return body;
    }
}
