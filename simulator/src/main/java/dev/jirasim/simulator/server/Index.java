package dev.jirasim.simulator.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /}: where each emulated host lives on this server. */
final class Index {
    private Index() {
    }

    static Map<String, Object> of(String base) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Jirasim");
        body.put("version", dev.jirasim.simulator.common.Version.current());
        body.put("hosts", hosts(base));
        return body;
    }

    static Map<String, String> hosts(String base) {
        var hosts = new LinkedHashMap<String, String>();
        hosts.put("https://auth.atlassian.com", base + "/auth");
        hosts.put("https://api.atlassian.com", base + "/api");
        hosts.put("https://api.nango.dev", base + "/nango");
        hosts.put("Jira Data Center instances", base + "/dc/{instance}");
        hosts.put("control API", base + "/__admin");
        return hosts;
    }
}
