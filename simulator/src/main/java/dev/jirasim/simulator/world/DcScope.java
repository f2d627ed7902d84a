package dev.jirasim.simulator.world;

import java.util.Arrays;
import java.util.List;

/** Jira Data Center's OAuth 2.0 scopes, each including the ones before it (reference jira-data-center.md §2.6). */
public enum DcScope {
    READ, WRITE, ADMIN, SYSTEM_ADMIN;

    /** The names as they appear in requests and world files, weakest first. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

    /** Whether holding this scope is enough for an operation that needs {@code needed}. */
    public boolean reaches(DcScope needed) {
        return ordinal() >= needed.ordinal();
    }
}
