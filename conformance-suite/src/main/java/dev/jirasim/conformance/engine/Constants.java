package dev.jirasim.conformance.engine;

/** Every configuration key of the conformance engine, in one place. */
public final class Constants {
    /** The engine's id; the {@code junit-} prefix is reserved by the platform. */
    public static final String ENGINE_ID = "jirasim-conformance";
    /** Comma-separated scenario files or directories, used when discovery has no file or directory selectors. */
    public static final String SCENARIOS = "jirasim.conformance.scenarios";
    /** A target file, or {@code embedded} (the default) to start the simulator in process. */
    public static final String TARGET = "jirasim.conformance.target";
    /** An expected-deviation manifest (YAML). */
    public static final String EXPECTED_DEVIATIONS = "jirasim.conformance.expectedDeviations";
    public static final String EMBEDDED = "embedded";
    /** A JUnit tag expression selecting scenarios; malformed files are always kept (they must fail the gate). */
    public static final String TAGS = "jirasim.conformance.tags";
    /** {@code true}: HTTP steps also publish their whole exchange as {@link #ENTRY_OBSERVATION}, for a parity run. */
    public static final String RECORD_EXCHANGES = "jirasim.conformance.recordExchanges";

    /** {@code PREFIX + NAME} overrides the environment variable NAME for the run (tests set them; the CLI does not). */
    public static final String ENV_PREFIX = "jirasim.conformance.env.";

    /** Report-entry keys a step publishes; the report listeners read them. */
    public static final String ENTRY_REQUEST = "request";
    public static final String ENTRY_RESPONSE = "response";
    public static final String ENTRY_DEVIATION = "deviation";
    /** A {@code parity.Observation} as JSON; published only with {@link #RECORD_EXCHANGES}. */
    public static final String ENTRY_OBSERVATION = "observation";
    public static final String FIXED = "fixed";
    /** Prefix of the abort message of a failure the manifest expected. */
    public static final String EXPECTED_PREFIX = "Expected deviation: ";

    private Constants() {
    }
}
