package dev.jirasim.simulator.control;

import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.journal.JournalEntry;
import dev.jirasim.simulator.webhooks.DeliveryAttempt;
import dev.jirasim.simulator.webhooks.DeliveryFault;
import dev.jirasim.simulator.world.ApiToken;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.TokenState;
import dev.jirasim.simulator.world.WorldFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a test may do to a simulated world: seed it, move its clock, switch consent, inspect and
 * revoke tokens, create and revoke API tokens, set Data Center passwords, inject faults, read the journal and
 * the webhook deliveries. Two doors open it: {@link TenantControl} in process ({@code JirasimServer.control()}), and
 * {@link HttpSimulatorControl} over {@code /__admin}, for a simulator in another process. Both throw the same
 * exceptions for the same refusals.
 */
public interface SimulatorControl {
    /** Back to the seed world (the default world or the fixture given at start), clock and journal reset, no faults. */
    void reset();

    WorldFile exportWorld();

    /** Replaces the whole world; a world that does not validate changes nothing. */
    void replaceWorld(WorldFile world);

    /**
     * Replaces the whole world with a world file's text, YAML or JSON, as {@code PUT /__admin/world} reads it:
     * {@code ${publicUrl}} stands for this world's base URL. Text that is not a valid world throws
     * {@link dev.jirasim.simulator.world.WorldException} and changes nothing.
     */
    void replaceWorld(String worldFile);

    Instant now();

    boolean clockFrozen();

    /**
     * Sets the clock (null keeps the instant) and freezes or lets it run (null keeps the mode). An instant
     * outside {@code 1970..3000} throws {@link IllegalArgumentException} and moves nothing.
     */
    void setClock(Instant now, Boolean frozen);

    /** Moves the clock forward; a negative duration, or one past the year 3000, throws {@link IllegalArgumentException}. */
    void advanceClock(Duration by);

    Consent consent();

    /** Sets how authorize decides; consent naming an unknown user or site throws {@link dev.jirasim.simulator.world.WorldException}. */
    void consent(Consent consent);

    TokenState tokens();

    /**
     * Consents and exchanges a code in one step, as if the user had approved in the browser: returns the same
     * tokens {@code /oauth/token} would. Throws {@link dev.jirasim.simulator.world.WorldException} for an
     * unknown app or user, a site the user is not on, or a private app the user does not own.
     */
    IssuedTokens issueTokens(TokenRequestSpec spec);

    /** Revokes a grant by id; false if there is none. */
    boolean revokeGrant(String grantId);

    /** Revokes one access or refresh token, given as its value or id; false if there is none. */
    boolean revokeToken(String tokenOrId);

    /** Revokes every grant of a user (e-mail or account id); returns how many. An unknown user throws {@link dev.jirasim.simulator.world.WorldException}. */
    int revokeUser(String user);

    /**
     * Creates a classic API token for {@code user} (e-mail or account id), as a user does on their Atlassian account
     * page: a fresh random value in Atlassian's format ({@code ATATT3xFfGF0…}), created at the world's clock, expiring
     * {@code lifetime} later. Atlassian lets a token live 1 to 365 days; null means 365 days (Atlassian's own default is
     * not in our reference). Returns the token with its value, which Atlassian shows only this once; exports carry it.
     * The token works at once as HTTP Basic {@code email:token} on the site host. An unknown user throws
     * {@link dev.jirasim.simulator.world.WorldException}; a lifetime out of range throws {@link IllegalArgumentException}.
     */
    ApiToken createApiToken(String user, String label, Duration lifetime);

    /**
     * Revokes one of {@code user}'s API tokens from now on: it stays listed, with {@code revokedAt}, and the site
     * answers it as a revoked token. Returns false for an unknown user or a token the user does not hold; a token
     * revoked before keeps its first {@code revokedAt} (and this returns true).
     */
    boolean revokeApiToken(String user, String token);

    /**
     * Sets or replaces the HTTP Basic password of a Data Center user (name or key); null removes it, so Basic fails
     * for the user. The user's failed-login count is left as it is: as far as we know an admin setting a password on
     * DC does not lift the CAPTCHA requirement (our reference is silent), so a user in CAPTCHA mode stays there until
     * {@link #reset()} or a new world. An unknown instance or user throws {@link dev.jirasim.simulator.world.WorldException}.
     */
    void dcPassword(String instance, String username, String password);

    /**
     * Installs fault rules, all or none, after any already installed (the first matching rule applies to a
     * request). Returns them with their ids. Build rules with {@link FaultRule#on(String)}; an invalid one
     * throws {@link IllegalArgumentException} when built.
     */
    List<Fault> addFaults(List<FaultRule> rules);

    /** Installs one fault rule and returns it with its id. */
    default Fault addFault(FaultRule rule) {
        return addFaults(List.of(rule)).get(0);
    }

    /** The installed faults in the order they apply, with uses left and hits so far. */
    List<Fault> faults();

    /** Removes one fault; false if there is none with this id. */
    boolean removeFault(String id);

    void clearFaults();

    /**
     * How a Data Center instance's consent page decides: interactive, or at once as one of its users. An
     * unknown instance or user throws {@link dev.jirasim.simulator.world.WorldException}.
     */
    void dcConsent(String instance, dev.jirasim.simulator.world.DcInstance.DcConsent consent);

    List<JournalEntry> journal();

    void clearJournal();

    /**
     * Every webhook delivery attempt the simulator made from this world, oldest first: target, event, payload,
     * headers (credentials masked), status or connection error, attempt number, simulated time.
     */
    List<DeliveryAttempt> webhookDeliveries();

    /** Forgets the delivery attempts so far; retries still due are still sent. */
    void clearWebhookDeliveries();

    /**
     * Waits until no webhook delivery is in flight (made by a change and not yet answered), at most {@code timeout};
     * true when none is, false when the time ran out. Retries waiting for the simulated clock do not count: move the
     * clock to send them, then wait again. Over HTTP the wait is at most a minute.
     */
    boolean awaitWebhooksIdle(Duration timeout);

    /**
     * Injects a failure of the simulator's own webhook sending, as real webhooks have them: a delivery sent twice, sent
     * late (once the clock has moved on), or held and sent after later ones. Returns it with its id. An invalid fault
     * is an {@link IllegalArgumentException}.
     */
    DeliveryFault addWebhookFault(DeliveryFault fault);

    /** The webhook faults in force, with what is left of their {@code times}. */
    List<DeliveryFault> webhookFaults();

    /** Removes the webhook faults; deliveries already delayed or held are still sent when the clock moves. */
    void clearWebhookFaults();

    /**
     * The Nango environment's webhook settings (Nango's environment webhook settings: primary and secondary URL, which
     * webhooks it sends), every toggle written out.
     */
    NangoSettings.Webhooks nangoWebhooks();

    /**
     * Replaces the Nango environment's webhook settings (null: a new environment's, no URL); toggles left null take
     * Nango's defaults. A URL that is not an absolute http(s) URL throws {@link IllegalArgumentException} when the
     * settings are built.
     */
    void nangoWebhooks(NangoSettings.Webhooks settings);

    /**
     * The key the Nango environment signs its webhooks with: what an app gives the Nango SDK as {@code webhookSigningKey}.
     * Null only for a world whose Nango environment has no key at all.
     */
    String nangoWebhookSigningKey();
}
