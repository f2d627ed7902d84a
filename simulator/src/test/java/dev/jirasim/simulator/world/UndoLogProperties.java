package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jirasim.simulator.clock.SimClock;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;

/**
 * A request that fails after it changed the world gets every change undone: random sequences of the writes
 * requests make (tokens, refresh, revocation, consent, issue create/edit/delete, Nango connections, API tokens,
 * Data Center passwords), run with
 * an undo log open and then rolled back, leave an export equal to the one before, and the search indexes
 * (listeners) agree with the data again.
 */
class UndoLogProperties {
    private static final SimClock CLOCK = new SimClock();
    private static final String ALICE = "alice@acme.test";

    enum Op { ISSUE_TOKENS, REFRESH, REVOKE_USER, REVOKE_TOKEN, CONSENT, CREATE_ISSUE, EDIT_ISSUE, DELETE_ISSUE, NANGO_DELETE, NANGO_UPSERT, API_TOKEN, REVOKE_API_TOKEN,
        DC_PASSWORD }

    @AfterTry
    void closeLog() {
        UndoLog.end();
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        return Arbitraries.of(Op.class).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 200)
    void rollingBackAFailedRequestRestoresTheWorld(@ForAll("operations") List<Op> ops) {
        World world = World.of(WorldFiles.defaultWorld("http://localhost:8484"), CLOCK);
        var mirror = new java.util.LinkedHashMap<String, Issue>();
        // A stand-in for a search index: it must hear about every change, undos included.
        var current = world.jira().listen("acme", new JiraData.Listener() {
            @Override
            public void added(Issue issue) {
                mirror.put(issue.id(), issue);
            }

            @Override
            public void removed(Issue issue) {
                mirror.remove(issue.id());
            }
        });
        current.forEach(i -> mirror.put(i.id(), i));
        String before = WorldFiles.toJson(world.export());
        UndoLog.begin();
        apply(world, ops);
        UndoLog.rollback();
        assertEquals(before, WorldFiles.toJson(world.export()));
        var now = new java.util.LinkedHashMap<String, Issue>();
        world.jira().issues("acme").forEach(i -> now.put(i.id(), i));
        assertEquals(now, mirror, "the indexes heard every undo");
    }

    @Example
    void withoutALogNothingIsNotedAndChangesStay() {
        World world = World.of(WorldFiles.defaultWorld("http://localhost:8484"), CLOCK);
        String before = WorldFiles.toJson(world.export());
        apply(world, List.of(Op.ISSUE_TOKENS, Op.CREATE_ISSUE));
        UndoLog.rollback();
        assertNotEquals(before, WorldFiles.toJson(world.export()));
    }

    private static void apply(World world, List<Op> ops) {
        String lastRefresh = null;
        String lastAccess = null;
        User alice = world.user(ALICE).orElseThrow();
        String client = world.apps().iterator().next().clientId();
        for (Op op : ops) {
            switch (op) {
                case ISSUE_TOKENS -> {
                    TokenPair pair = world.tokens().issueDirect(client, alice.accountId(), List.of("read:jira-work", "offline_access"),
                            List.of(world.site("acme").orElseThrow().cloudId()));
                    lastRefresh = pair.refresh().token();
                    lastAccess = pair.access().token();
                }
                case REFRESH -> {
                    if (lastRefresh != null) world.tokens().refresh(lastRefresh, client);
                }
                case REVOKE_USER -> world.tokens().revokeUser(alice.accountId());
                case REVOKE_TOKEN -> {
                    if (lastAccess != null) world.tokens().revokeToken(lastAccess);
                }
                case CONSENT -> world.consent(new Consent(Consent.Mode.AUTO, ALICE, null, Consent.Decision.APPROVE));
                case CREATE_ISSUE -> {
                    Issue template = world.jira().issues("acme").iterator().next();
                    world.jira().create("acme", "ACME", i -> i, template);
                }
                case EDIT_ISSUE -> {
                    Issue i = world.jira().issues("acme").iterator().next();
                    world.jira().update(new Issue(i.id(), i.key(), i.site(), i.project(), i.summary() + "!", i.description(), i.issueType(),
                            i.status(), i.priority(), i.assignee(), i.reporter(), i.creator(), i.labels(), i.created(), i.updated(),
                            i.resolved(), i.resolution(), i.duedate(), i.parent(), i.comments()));
                }
                case DELETE_ISSUE -> {
                    var all = world.jira().issues("acme");
                    if (!all.isEmpty()) world.jira().delete(all.iterator().next());
                }
                case API_TOKEN -> world.changeApiTokens(alice.accountId(), tokens -> {
                    var next = new java.util.ArrayList<>(tokens);
                    next.add(ApiToken.issue("undo", CLOCK.now(), null));
                    return next;
                });
                case REVOKE_API_TOKEN -> world.changeApiTokens(alice.accountId(),
                        tokens -> tokens.stream().map(t -> t.revoke(CLOCK.now())).toList());
                case DC_PASSWORD -> world.dataCenter("dc1").orElseThrow().password("jdoe", "changed-" + ops.size());
                case NANGO_DELETE -> world.nango().connections().stream().findFirst()
                        .ifPresent(c -> world.nango().delete(c.integration(), c.connectionId()));
                case NANGO_UPSERT -> world.nango().connections().stream().findFirst()
                        .ifPresent(c -> world.nango().upsert(c.integration(), c.connectionId() + "-x", c.credentials(), java.util.Map.of(),
                                null, CLOCK.now()));
            }
        }
    }
}
