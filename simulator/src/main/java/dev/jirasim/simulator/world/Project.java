package dev.jirasim.simulator.world;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Jira project on one site. {@code permissions} maps a user (e-mail or account id) to what they may do;
 * the key {@code "*"} stands for every member of the site. Project ids are numeric strings, keys start with
 * an upper-case letter followed by upper-case letters or digits (at most 10).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(String id, String key, String name, String site, String projectTypeKey, String lead,
                      Map<String, List<Permission>> permissions) {

    public Project {
        Objects.requireNonNull(id, "missing required field 'id'");
        Objects.requireNonNull(key, "missing required field 'key'");
        Objects.requireNonNull(site, "missing required field 'site'");
        if (!key.matches("[A-Z][A-Z0-9]{1,9}")) throw new IllegalArgumentException("project key must match [A-Z][A-Z0-9]{1,9}: " + key);
        if (!id.matches("[0-9]+")) throw new IllegalArgumentException("project id must be numeric: " + id);
        if (name == null) name = key;
        if (projectTypeKey == null) projectTypeKey = "software";
        permissions = permissions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(permissions));
    }
}
