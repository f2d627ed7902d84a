package dev.jirasim.conformance.model;

import java.util.Set;

/** What a target can do beyond answering the real API; scenarios that need a missing one are skipped. */
public final class Capability {
    public static final String CLOCK = "clock";
    public static final String CONSENT_AUTOMATION = "consent-automation";
    public static final String SEED = "seed";
    public static final String FAULTS = "faults";
    public static final String JOURNAL = "journal";
    /** The target can reach the suite's loopback webhook receiver ({@code ${webhookUrl}}): a local target. */
    public static final String WEBHOOKS = "webhooks";
    public static final Set<String> ALL = Set.of(CLOCK, CONSENT_AUTOMATION, SEED, FAULTS, JOURNAL, WEBHOOKS);

    private Capability() {
    }
}
