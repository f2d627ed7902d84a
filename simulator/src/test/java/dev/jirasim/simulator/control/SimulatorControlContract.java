package dev.jirasim.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.JirasimServer;
import dev.jirasim.simulator.faults.Fault;
import dev.jirasim.simulator.faults.FaultRule;
import dev.jirasim.simulator.journal.JournalEntry;
import dev.jirasim.simulator.support.SimulatorExtension;
import dev.jirasim.simulator.world.ApiToken;
import dev.jirasim.simulator.world.Consent;
import dev.jirasim.simulator.world.DcInstance.DcConsent;
import dev.jirasim.simulator.world.NangoSettings;
import dev.jirasim.simulator.world.TokenState;
import dev.jirasim.simulator.world.WorldException;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every door to {@link SimulatorControl} must do, run once per door (in process, over HTTP, over HTTP into a
 * tenant): the same calls, the same answers, the same exceptions. A subclass only opens its door.
 */
@ExtendWith(SimulatorExtension.class)
abstract class SimulatorControlContract {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    private static final String ALICE = "alice@acme.test";
    private static final String ALICE_ID = "5f8a1c2e4b7d9e0011a2b3c4";
    private static final String ALICE_DEFAULT_TOKEN = "ATATT3xFfGF0aliceJirasimDefault=1A2B3C4D";
    private static final Consent ALICE_ON_ACME = new Consent(Consent.Mode.AUTO, "alice@acme.test", List.of("acme"), Consent.Decision.APPROVE);

    /** A control and the base URL of the world it controls (where the emulated hosts answer). */
    record Door(SimulatorControl control, String worldUrl) {
    }

    private SimulatorControl control;
    private String worldUrl;

    abstract Door open(JirasimServer sim);

    @BeforeEach
    void openTheDoor(JirasimServer sim) {
        Door door = open(sim);
        control = door.control();
        worldUrl = door.worldUrl();
    }

    @Test
    void resetGoesBackToTheSeedWorldWithARunningClockAndNoFaultsOrJournal() throws Exception {
        control.setClock(T, true);
        control.consent(ALICE_ON_ACME);
        control.addFault(FaultRule.on("/nowhere/**").status(503).build());
        IssuedTokens issued = control.issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme"));
        get("/api/me", null);
        awaitJournal(entries -> !entries.isEmpty());

        control.reset();

        assertFalse(control.clockFrozen());
        assertTrue(Duration.between(control.now(), Instant.now()).abs().getSeconds() < 60, "real time again: " + control.now());
        assertEquals(Consent.INTERACTIVE, control.consent());
        assertEquals(List.of(), control.faults());
        assertEquals(List.of(), control.journal());
        assertTrue(control.tokens().grants().stream().noneMatch(g -> g.id().equals(issued.grantId())), "the issued grant is gone");
        assertEquals(401, get("/api/me", issued.accessToken()));
    }

    @Test
    void anExportedWorldCanBeChangedAndPutBack() {
        WorldFile world = control.exportWorld();
        assertEquals(List.of("acme", "globex", "initech"), world.sites().stream().map(s -> s.subdomain()).toList());
        control.replaceWorld(world.withConsent(ALICE_ON_ACME));
        assertEquals(ALICE_ON_ACME, control.consent());
        assertEquals(WorldFiles.toJson(world.withConsent(ALICE_ON_ACME)), WorldFiles.toJson(control.exportWorld()));
    }

    @Test
    void anInvalidWorldIsRefusedAndChangesNothing() {
        String before = WorldFiles.toJson(control.exportWorld());
        WorldFile dangling = WorldFiles.parse("""
                version: 1
                users:
                  - {accountId: u1, email: a@x.test, sites: [nowhere]}
                """, null);
        assertThrows(WorldException.class, () -> control.replaceWorld(dangling));
        assertThrows(WorldException.class, () -> control.replaceWorld("version: 7\n"));
        assertThrows(WorldException.class, () -> control.replaceWorld("sites: [{subdomain: no-cloud-id}]\n"));
        assertThrows(WorldException.class, () -> control.replaceWorld(""));
        assertEquals(before, WorldFiles.toJson(control.exportWorld()));
    }

    @Test
    void aWorldFilesTextIsReadWithThisWorldsUrl() {
        control.replaceWorld("""
                version: 1
                sites: [{cloudId: 00000000-0000-4000-8000-000000000001, subdomain: one}]
                users: [{accountId: u1, email: a@x.test, sites: [one]}]
                apps: [{clientId: app, clientSecret: s, callbackUrls: ["${publicUrl}/callback"]}]
                """);
        WorldFile world = control.exportWorld();
        assertEquals(List.of("a@x.test"), world.users().stream().map(u -> u.email()).toList());
        assertEquals(List.of(worldUrl + "/callback"), world.apps().get(0).callbackUrls());
    }

    @Test
    void theClockIsSetFrozenAdvancedAndLetRun() {
        control.setClock(T, true);
        assertEquals(T, control.now());
        assertTrue(control.clockFrozen());
        control.advanceClock(Duration.ofSeconds(3601));
        assertEquals(T.plusSeconds(3601), control.now());
        control.setClock(null, null);
        assertEquals(T.plusSeconds(3601), control.now(), "null keeps both");
        assertTrue(control.clockFrozen());
        control.setClock(null, false);
        assertFalse(control.clockFrozen());
        assertFalse(control.now().isBefore(T.plusSeconds(3601)), "runs on from where it stood");
    }

    @Test
    void aClockMoveOutOfItsSpanIsRefusedAndMovesNothing() {
        control.setClock(T, true);
        assertThrows(IllegalArgumentException.class, () -> control.setClock(Instant.parse("3001-01-01T00:00:00Z"), false));
        assertThrows(IllegalArgumentException.class, () -> control.advanceClock(Duration.ofDays(400_000)));
        assertThrows(IllegalArgumentException.class, () -> control.advanceClock(Duration.ofSeconds(-1)));
        assertEquals(T, control.now());
        assertTrue(control.clockFrozen(), "a refused request does not unfreeze");
    }

    @Test
    void consentIsSetReadBackAndValidatedAgainstTheWorld() {
        control.consent(ALICE_ON_ACME);
        assertEquals(ALICE_ON_ACME, control.consent());
        assertThrows(WorldException.class, () -> control.consent(new Consent(Consent.Mode.AUTO, "carol@globex.test", List.of("acme"), null)));
        assertThrows(WorldException.class, () -> control.consent(new Consent(Consent.Mode.AUTO, "nobody@x.test", null, null)));
        assertEquals(ALICE_ON_ACME, control.consent(), "a refused consent changes nothing");
        control.consent(Consent.INTERACTIVE);
        assertEquals(Consent.INTERACTIVE, control.consent());
    }

    @Test
    void issuedTokensWorkAreListedInFullAndCanBeRevoked() throws Exception {
        IssuedTokens issued = control.issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme"));
        assertEquals("Bearer", issued.tokenType());
        assertEquals(String.join(" ", TokenRequestSpec.DEFAULT_SCOPES), issued.scope());
        assertEquals(3600, issued.expiresIn());
        assertNotNull(issued.refreshToken());
        assertNotNull(issued.grantId());
        assertEquals(200, get("/api/me", issued.accessToken()));

        TokenState state = control.tokens();
        assertTrue(state.grants().stream().anyMatch(g -> g.id().equals(issued.grantId())));
        assertTrue(state.accessTokens().stream().anyMatch(t -> t.token().equals(issued.accessToken())), "values unmasked");
        assertTrue(state.refreshTokens().stream().anyMatch(t -> t.token().equals(issued.refreshToken())));

        assertTrue(control.revokeToken(issued.accessToken()));
        assertEquals(401, get("/api/me", issued.accessToken()));
        assertFalse(control.revokeToken("at-0000000000000000"));
    }

    @Test
    void grantsAndEveryGrantOfAUserAreRevoked() throws Exception {
        IssuedTokens alice = control.issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme"));
        assertTrue(control.revokeGrant(alice.grantId()));
        assertEquals(401, get("/api/me", alice.accessToken()));
        assertFalse(control.revokeGrant("grant-0000000000000000"));

        IssuedTokens bob = control.issueTokens(new TokenRequestSpec(null, "bob@acme.test", null, List.of("read:me")));
        assertEquals("read:me", bob.scope());
        assertEquals(null, bob.refreshToken(), "no offline_access, no refresh token");
        assertEquals(1, control.revokeUser("bob@acme.test"));
        assertEquals(401, get("/api/me", bob.accessToken()));
        assertEquals(0, control.revokeUser("bob@acme.test"), "nothing live is left");
        assertThrows(WorldException.class, () -> control.revokeUser("nobody@x.test"));
    }

    @Test
    void tokensTheWorldCannotGrantAreRefused() {
        assertThrows(WorldException.class, () -> control.issueTokens(TokenRequestSpec.forUser("nobody@x.test")));
        assertThrows(WorldException.class, () -> control.issueTokens(TokenRequestSpec.forUser("carol@globex.test", "acme")));
        assertThrows(WorldException.class, () -> control.issueTokens(new TokenRequestSpec("no-such-app", "alice@acme.test", null, null)));
    }

    @Test
    void aFaultIsAddedListedSpentAndRemoved() throws Exception {
        Fault added = control.addFault(FaultRule.on("/api/me").status(503).header("Retry-After", "5").times(1).build());
        assertEquals(1, added.remaining());
        assertEquals(0, added.hits());
        assertEquals(List.of(added), control.faults());

        assertEquals(503, get("/api/me", null));
        Fault spent = control.faults().get(0);
        assertEquals(0, spent.remaining());
        assertEquals(1, spent.hits());
        assertEquals(added.rule(), spent.rule());
        assertEquals(401, get("/api/me", null), "spent after one use");

        assertTrue(control.removeFault(added.id()));
        assertFalse(control.removeFault(added.id()));
        assertEquals(List.of(), control.faults());
    }

    @Test
    void severalFaultsKeepTheirOrderAndAreClearedTogether() {
        List<Fault> added = control.addFaults(List.of(
                FaultRule.on("/api/ex/jira/**").method("GET").status(500).body(Map.of("errorMessages", List.of("down"))).build(),
                FaultRule.on("/api/me").delayMs(10).build()));
        assertEquals(2, added.size());
        assertNotEquals(added.get(0).id(), added.get(1).id());
        assertEquals(added, control.faults());
        assertEquals(Map.of("errorMessages", List.of("down")), control.faults().get(0).rule().body());
        assertEquals(List.of(), control.addFaults(List.of()), "nothing to install");
        assertEquals(2, control.faults().size());
        assertThrows(IllegalArgumentException.class, () -> control.addFault(FaultRule.on("/api/**").status(700).build()));
        control.clearFaults();
        assertEquals(List.of(), control.faults());
    }

    @Test
    void dataCenterConsentIsSetAndValidated() {
        var auto = new DcConsent("auto", "jdoe", "approve");
        control.dcConsent("dc1", auto);
        assertEquals(auto, control.exportWorld().dataCenter().get(0).consent());
        assertThrows(WorldException.class, () -> control.dcConsent("dc9", auto));
        assertThrows(WorldException.class, () -> control.dcConsent("dc1", new DcConsent("auto", "ghost", null)));
        assertEquals(auto, control.exportWorld().dataCenter().get(0).consent(), "a refused consent changes nothing");
        control.dcConsent("dc1", DcConsent.INTERACTIVE);
        assertEquals(DcConsent.INTERACTIVE, control.exportWorld().dataCenter().get(0).consent());
    }

    @Test
    void anApiTokenIsCreatedWorksOnTheSiteHostAndIsRevoked() throws Exception {
        control.setClock(T, true);
        ApiToken created = control.createApiToken(ALICE, "ci", Duration.ofDays(30));
        assertTrue(created.token().matches("ATATT3xFfGF0[A-Za-z0-9_-]+=[0-9A-F]{8}"), created.token());
        assertEquals(192, created.token().length(), "as long as Atlassian's");
        assertEquals(new ApiToken(created.token(), "ci", T, T.plus(Duration.ofDays(30)), null), created);
        assertNotEquals(created.token(), control.createApiToken(ALICE, "ci", Duration.ofDays(30)).token(), "a fresh value each time");

        HttpResponse<String> myself = site("/site/acme/rest/api/3/myself", ALICE, created.token());
        assertEquals(200, myself.statusCode(), myself.body());
        assertTrue(myself.body().contains("\"accountId\":\"" + ALICE_ID + "\""), myself.body());
        assertEquals("OK", myself.headers().firstValue("X-Seraph-LoginReason").orElse(null));
        assertTrue(apiTokensOfAlice().contains(created), "the export holds the token, value included");

        assertTrue(control.revokeApiToken(ALICE, created.token()));
        assertEquals(401, site("/site/acme/rest/api/3/myself", ALICE, created.token()).statusCode());
        assertTrue(apiTokensOfAlice().contains(new ApiToken(created.token(), "ci", T, created.expiresAt(), T)), "still listed, revoked at T");
        control.advanceClock(Duration.ofHours(1));
        assertTrue(control.revokeApiToken(ALICE, created.token()), "a known token, revoked already");
        assertTrue(apiTokensOfAlice().stream().anyMatch(t -> t.token().equals(created.token()) && T.equals(t.revokedAt())),
                "keeps its first revocation");

        assertFalse(control.revokeApiToken(ALICE, "ATATT3xFfGF0noSuchToken=00000000"));
        assertFalse(control.revokeApiToken("bob@acme.test", created.token()), "not bob's token");
        assertFalse(control.revokeApiToken("nobody@x.test", created.token()));
        assertEquals(200, site("/site/acme/rest/api/3/myself", ALICE, ALICE_DEFAULT_TOKEN).statusCode(), "other tokens unaffected");
    }

    @Test
    void anApiTokenExpiresOnTheWorldsClockAndItsLifetimeIsChecked() throws Exception {
        control.setClock(T, true);
        ApiToken yearLong = control.createApiToken(ALICE_ID, null, null);
        assertEquals(T.plus(Duration.ofDays(365)), yearLong.expiresAt(), "no lifetime: 365 days");
        assertEquals(null, yearLong.label());
        ApiToken dayLong = control.createApiToken(ALICE, "short", Duration.ofDays(1));
        assertEquals(200, site("/site/acme/rest/api/3/myself", ALICE, dayLong.token()).statusCode());

        control.advanceClock(Duration.ofDays(1));
        assertEquals(401, site("/site/acme/rest/api/3/myself", ALICE, dayLong.token()).statusCode(), "expired at its expiresAt");
        assertEquals(200, site("/site/acme/rest/api/3/myself", ALICE, yearLong.token()).statusCode());
        control.advanceClock(Duration.ofDays(364));
        assertEquals(401, site("/site/acme/rest/api/3/myself", ALICE, yearLong.token()).statusCode());

        int held = apiTokensOfAlice().size();
        for (Duration refused : List.of(Duration.ofHours(23), Duration.ofDays(366), Duration.ZERO, Duration.ofDays(-1))) {
            assertThrows(IllegalArgumentException.class, () -> control.createApiToken(ALICE, "bad", refused), refused.toString());
        }
        assertThrows(WorldException.class, () -> control.createApiToken("nobody@x.test", "x", null));
        assertEquals(held, apiTokensOfAlice().size(), "a refused token is not made");
    }

    @Test
    void aDataCenterPasswordIsSetReplacedAndRemoved() throws Exception {
        control.dcPassword("dc1", "jdoe", "n3w-secret");
        HttpResponse<String> myself = dc("/rest/api/2/myself", "jdoe", "n3w-secret");
        assertEquals(200, myself.statusCode(), myself.body());
        assertEquals("jdoe", myself.headers().firstValue("X-AUSERNAME").orElse(null));
        assertEquals(401, dc("/rest/api/2/myself", "jdoe", "jdoe-password").statusCode(), "the old password is gone");
        assertEquals("n3w-secret", passwordOf("jdoe"), "exports carry it");

        control.dcPassword("dc1", "JIRAUSER10100", null); // by key; null removes it
        assertEquals(401, dc("/rest/api/2/myself", "jdoe", "n3w-secret").statusCode());
        assertEquals(null, passwordOf("jdoe"));

        assertThrows(WorldException.class, () -> control.dcPassword("dc9", "jdoe", "x"));
        assertThrows(WorldException.class, () -> control.dcPassword("dc1", "ghost", "x"));
        assertEquals("admin", passwordOf("admin"), "a refusal changes nothing");
    }

    @Test
    void aNewDataCenterPasswordDoesNotLiftTheCaptcha() throws Exception {
        for (int i = 0; i < 3; i++) assertEquals(401, dc("/rest/api/2/myself", "admin", "wrong").statusCode());
        control.dcPassword("dc1", "admin", "fresh-start");
        assertEquals(403, dc("/rest/api/2/myself", "admin", "fresh-start").statusCode(), "still in CAPTCHA mode");
        control.reset();
        assertEquals(200, dc("/rest/api/2/myself", "admin", "admin").statusCode(), "reset clears the count and the password");
    }

    @Test
    void newCredentialsTravelWithAnExportedWorld() throws Exception {
        ApiToken created = control.createApiToken(ALICE, "carried", Duration.ofDays(7));
        control.dcPassword("dc1", "jdoe", "carried-password");
        WorldFile exported = control.exportWorld();
        control.reset();
        assertEquals(401, site("/site/acme/rest/api/3/myself", ALICE, created.token()).statusCode(), "gone with the reset");

        control.replaceWorld(exported);
        assertEquals(200, site("/site/acme/rest/api/3/myself", ALICE, created.token()).statusCode());
        assertEquals(200, dc("/rest/api/2/myself", "jdoe", "carried-password").statusCode());
        assertEquals(WorldFiles.toJson(exported), WorldFiles.toJson(control.exportWorld()));
    }

    @Test
    void theJournalHoldsTheHostsRequestsNotTheControlsAndIsCleared() throws Exception {
        get("/api/me", null);
        List<JournalEntry> seen = awaitJournal(entries -> !entries.isEmpty());
        JournalEntry entry = seen.get(seen.size() - 1);
        assertEquals("GET", entry.method());
        assertTrue(entry.path().endsWith("/api/me"), entry.path());
        assertEquals(401, entry.status());
        assertTrue(control.journal().stream().noneMatch(e -> e.path().contains("/__admin")), "control calls are not journaled");
        control.clearJournal();
        assertEquals(List.of(), control.journal());
    }

    @Test
    void webhookDeliveriesAreAwaitedListedWithMaskedCredentialsAndCleared() throws Exception {
        try (var receiver = new dev.jirasim.simulator.support.WebhookReceiver()) {
            control.setClock(T, true);
            var hook = new dev.jirasim.simulator.world.JiraWebhook(1, "acme", "jirasim-client", "5f8a1c2e4b7d9e0011a2b3c4", receiver.url("/contract"),
                    List.of("jira:issue_created"), "project = ACME", null, null, T.plus(Duration.ofDays(1)));
            control.replaceWorld(control.exportWorld().withWebhooks(new dev.jirasim.simulator.world.WebhookSettings(
                    dev.jirasim.simulator.world.WebhookSettings.Jira.DEFAULTS.withRegistrations(List.of(hook)))));
            IssuedTokens alice = control.issueTokens(TokenRequestSpec.forUser("alice@acme.test", "acme"));
            var create = HttpRequest.newBuilder(URI.create(worldUrl + "/api/ex/jira/7d3f9a2e-1c4b-4e8f-9a6d-2b5c8e1f4a70/rest/api/2/issue"))
                    .header("Authorization", "Bearer " + alice.accessToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"fields\":{\"project\":{\"key\":\"ACME\"},\"summary\":\"s\",\"issuetype\":{\"name\":\"Task\"}}}"));
            assertEquals(201, HTTP.send(create.build(), HttpResponse.BodyHandlers.discarding()).statusCode());

            assertTrue(control.awaitWebhooksIdle(Duration.ofSeconds(10)));
            var attempts = control.webhookDeliveries();
            assertEquals(1, attempts.size());
            var attempt = attempts.get(0);
            assertEquals("jira", attempt.source());
            assertEquals("jira:issue_created", attempt.event());
            assertEquals(receiver.url("/contract"), attempt.url());
            assertEquals(200, attempt.status());
            assertEquals("delivered", attempt.outcome());
            assertEquals(1, attempt.attempt());
            assertEquals(T, attempt.at());
            assertTrue(attempt.headers().get("Authorization").length() < 40, "masked: " + attempt.headers().get("Authorization"));
            assertEquals(attempt.deliveryId(), attempt.headers().get("X-Atlassian-Webhook-Identifier"));
            assertEquals("jira:issue_created", ((Map<?, ?>) attempt.payload()).get("webhookEvent"));
            assertEquals(receiver.received().get(0).body().length() > 0, true);

            control.clearWebhookDeliveries();
            assertEquals(List.of(), control.webhookDeliveries());
            assertTrue(control.awaitWebhooksIdle(Duration.ZERO), "nothing in flight");
            assertThrows(IllegalArgumentException.class, () -> control.awaitWebhooksIdle(Duration.ofSeconds(-1)));

            // An injected duplicate: the next delivery arrives twice under one identifier, then the fault is used up.
            var fault = control.addWebhookFault(new dev.jirasim.simulator.webhooks.DeliveryFault(null,
                    dev.jirasim.simulator.webhooks.DeliveryFault.Kind.DUPLICATE, receiver.url("/contract"), null, 1));
            assertTrue(fault.id() != null && fault.times() == 1, fault.toString());
            assertEquals(List.of(fault), control.webhookFaults());
            assertEquals(201, HTTP.send(create.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            assertTrue(control.awaitWebhooksIdle(Duration.ofSeconds(10)));
            var twice = control.webhookDeliveries();
            assertEquals(2, twice.size());
            assertEquals(twice.get(0).deliveryId(), twice.get(1).deliveryId());
            assertEquals(List.of(), control.webhookFaults());
            control.addWebhookFault(dev.jirasim.simulator.webhooks.DeliveryFault.delay(30));
            control.clearWebhookFaults();
            assertEquals(List.of(), control.webhookFaults());
        }
    }

    @Test
    void nangoWebhookSettingsAreSetReadBackExportedAndReset() throws Exception {
        var defaults = control.nangoWebhooks();
        assertEquals(new NangoSettings.Webhooks(null, null, true, true, true, true, false), defaults, "a new environment's, written out");
        assertEquals("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", control.nangoWebhookSigningKey());
        try (var receiver = new dev.jirasim.simulator.support.WebhookReceiver()) {
            control.nangoWebhooks(new NangoSettings.Webhooks(receiver.url("/nango"), null, false, null, null, null, null));
            assertEquals(new NangoSettings.Webhooks(receiver.url("/nango"), null, false, true, true, true, false), control.nangoWebhooks());
            assertEquals(receiver.url("/nango"), control.exportWorld().nango().webhooks().primaryUrl(), "part of the world");

            // A Jira event through Nango's webhook endpoint arrives signed with the key the control API names.
            var event = HttpRequest.newBuilder(URI.create(worldUrl + "/nango/webhook/5b0f3c1e-8d2a-4f6b-9c7e-1a2b3c4d5e6f/jira"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"issue\":{\"self\":\"https://acme.atlassian.net/rest/api/2/issue/1\"}}"));
            assertEquals(200, HTTP.send(event.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            assertTrue(control.awaitWebhooksIdle(Duration.ofSeconds(10)));
            var got = receiver.received();
            assertEquals(1, got.size());
            assertEquals(dev.jirasim.simulator.support.NangoFlows.hmac(control.nangoWebhookSigningKey(), got.get(0).body()),
                    got.get(0).header("X-Nango-Hmac-Sha256"));
            assertEquals("nango", control.webhookDeliveries().get(0).source());
            assertEquals("forward", control.webhookDeliveries().get(0).event());
        }
        control.nangoWebhooks(null);
        assertEquals(defaults, control.nangoWebhooks());
        assertThrows(IllegalArgumentException.class, () -> new NangoSettings.Webhooks("ftp://example.com/x", null, null, null, null, null, null));
        control.nangoWebhooks(NangoSettings.Webhooks.to("http://127.0.0.1:1/x"));
        control.reset();
        assertEquals(defaults, control.nangoWebhooks(), "a reset goes back to the seed world's");
    }

    private int get(String path, String accessToken) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(worldUrl + path));
        if (accessToken != null) request.header("Authorization", "Bearer " + accessToken);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<ApiToken> apiTokensOfAlice() {
        return control.exportWorld().users().stream().filter(u -> u.email().equals(ALICE)).findFirst().orElseThrow().apiTokens();
    }

    private String passwordOf(String name) {
        return control.exportWorld().dataCenter().get(0).user(name).orElseThrow().password();
    }

    /** A GET with HTTP Basic on the site host of this world. */
    private HttpResponse<String> site(String path, String user, String secret) throws Exception {
        return basic(worldUrl + path, user, secret);
    }

    /** A GET with HTTP Basic on the default Data Center instance, dc1. */
    private HttpResponse<String> dc(String path, String user, String secret) throws Exception {
        return basic(worldUrl + "/dc/dc1" + path, user, secret);
    }

    private static HttpResponse<String> basic(String url, String user, String secret) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + credentials).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The journal once it matches: an entry is written as the answer goes out, so it may trail the client a moment. */
    private List<JournalEntry> awaitJournal(Predicate<List<JournalEntry>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<JournalEntry> entries = control.journal();
        while (!ready.test(entries) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            entries = control.journal();
        }
        assertTrue(ready.test(entries), "journal: " + entries);
        return entries;
    }
}
