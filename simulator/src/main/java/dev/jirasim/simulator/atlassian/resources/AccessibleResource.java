package dev.jirasim.simulator.atlassian.resources;

import java.util.List;

/** One entry of {@code GET /oauth/token/accessible-resources}, members as the real API names them. */
public record AccessibleResource(String id, String url, String name, List<String> scopes, String avatarUrl) {
}
