package dev.jirasim.simulator.world;

import java.util.List;

/** What a successful code exchange or refresh hands out; {@code refresh} is null without offline_access. */
public record TokenPair(AccessToken access, RefreshToken refresh, List<String> scopes, long expiresIn) {
}
