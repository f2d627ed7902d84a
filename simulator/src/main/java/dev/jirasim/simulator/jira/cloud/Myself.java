package dev.jirasim.simulator.jira.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /myself} and {@code GET /serverInfo}. */
final class Myself {
    private Myself() {
    }

    static Map<String, Object> of(CloudCaller c, String expand) {
        var m = new LinkedHashMap<String, Object>(JiraJson.user(c, c.user()));
        m.put("locale", c.user().locale().replace('-', '_'));
        // Cloud keeps these legacy Server members, always empty (reference §5.10).
        m.put("key", "");
        m.put("name", "");
        m.put("guest", false);
        m.putAll(UserService.groupsAndRoles(c, c.user(), expand));
        return m;
    }

    static Map<String, Object> serverInfo(CloudCaller c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("baseUrl", c.siteUrl());
        m.put("displayUrl", c.siteUrl());
        m.put("version", "1001.0.0-SNAPSHOT");
        m.put("versionNumbers", List.of(1001, 0, 0));
        m.put("deploymentType", "Cloud");
        m.put("buildNumber", 100300);
        m.put("buildDate", "2026-11-01T00:00:00.000+0000");
        m.put("serverTime", JiraJson.time(c.world().clock().now()));
        m.put("scmInfo", "jirasim");
        m.put("serverTitle", "Jira");
        m.put("serverTimeZone", "Etc/UTC");
        return m;
    }
}
