package dev.jirasim.conformance.model;

import java.util.Map;
import java.util.Set;

/**
 * An implementation under test: base URLs per service ({@code auth}, {@code api}, {@code admin},
 * {@code nango}, {@code dc}), the capabilities it offers, and variables scenarios use (client ids,
 * callbacks, secrets). Variable values taken from the environment are secrets and never printed.
 */
public record Target(String name, Map<String, String> baseUrls, Set<String> capabilities,
                     Map<String, String> variables, Set<String> secrets) {

    public boolean has(String capability) {
        return capabilities.contains(capability);
    }
}
