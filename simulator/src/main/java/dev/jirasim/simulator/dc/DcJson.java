package dev.jirasim.simulator.dc;

import dev.jirasim.simulator.world.DcInstance;
import dev.jirasim.simulator.world.DcInstance.DcUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DC's JSON: users by name and key (no accountId), times as Jira writes them, links under the instance base. */
final class DcJson {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private DcJson() {
    }

    static Map<String, Object> user(String base, DcUser u, boolean full) {
        var m = new LinkedHashMap<String, Object>();
        m.put("self", base + "/rest/api/2/user?username=" + URLEncoder.encode(u.name(), StandardCharsets.UTF_8));
        m.put("key", u.key());
        m.put("name", u.name());
        m.put("emailAddress", u.emailAddress());
        var avatars = new LinkedHashMap<String, String>();
        for (String size : List.of("48x48", "24x24", "16x16", "32x32")) {
            int px = Integer.parseInt(size.substring(0, size.indexOf('x')));
            avatars.put(size, base + "/secure/useravatar?size=" + px + "&avatarId=10122");
        }
        m.put("avatarUrls", avatars);
        m.put("displayName", u.displayName());
        m.put("active", true);
        m.put("deleted", false);
        m.put("timeZone", u.timeZone());
        if (full) {
            m.put("locale", "en_US");
            m.put("groups", Map.of("size", u.admin() ? 2 : 1, "items", List.of()));
            m.put("applicationRoles", Map.of("size", 1, "items", List.of()));
            m.put("expand", "groups,applicationRoles");
        }
        return m;
    }

    static Map<String, Object> serverInfo(String base, DcInstance instance, Instant now) {
        var m = new LinkedHashMap<String, Object>();
        m.put("baseUrl", base);
        m.put("version", instance.version());
        var numbers = new java.util.ArrayList<Integer>();
        for (String part : instance.version().split("\\.")) {
            try {
                numbers.add(Integer.parseInt(part));
            } catch (NumberFormatException ignored) {
                break;
            }
        }
        m.put("versionNumbers", numbers);
        m.put("deploymentType", "Server");
        m.put("buildNumber", 10030024);
        m.put("buildDate", "2026-10-01T00:00:00.000+0000");
        m.put("serverTime", TIME.format(now));
        m.put("scmInfo", "jirasim");
        m.put("serverTitle", instance.serverTitle());
        return m;
    }
}
