package dev.jirasim.conformance.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An implementation under test: base URLs per service ({@code auth}, {@code api}, {@code admin},
 * {@code nango}, {@code dc}), the capabilities it offers, and variables scenarios use (client ids,
 * callbacks, secrets). Variable values taken from the environment are secrets and never printed.
 *
 * @param live             a real service (or a stand-in for one): only scenarios marked {@code live-safe} run
 * @param allowDestructive on a live target, whether scenarios marked {@code destructive} (they write, then clean up) run
 * @param bootstrap        HTTP steps run once before every scenario; what they capture becomes variables (secrets) of
 *                         every scenario: e.g. a refresh turned into an access token, the cloudId from accessible-resources
 * @param writeBack        captured variable → environment variable naming the file the new value is written to (a rotated
 *                         refresh token must be kept, or the next run reuses a spent one)
 */
public record Target(String name, Map<String, String> baseUrls, Set<String> capabilities,
                     Map<String, String> variables, Set<String> secrets, boolean live, boolean allowDestructive,
                     List<Step> bootstrap, Map<String, String> writeBack) {

    /** A target with no bootstrap: a simulator, or anything that needs no sign-in first. */
    public Target(String name, Map<String, String> baseUrls, Set<String> capabilities, Map<String, String> variables, Set<String> secrets) {
        this(name, baseUrls, capabilities, variables, secrets, false, false, List.of(), Map.of());
    }

    public boolean has(String capability) {
        return capabilities.contains(capability);
    }
}
