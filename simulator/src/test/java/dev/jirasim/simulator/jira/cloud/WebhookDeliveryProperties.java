package dev.jirasim.simulator.jira.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jirasim.simulator.clock.SimClock;
import dev.jirasim.simulator.support.OAuth;
import dev.jirasim.simulator.support.WebhookReceiver;
import dev.jirasim.simulator.webhooks.Deliveries;
import dev.jirasim.simulator.webhooks.WebhookSender;
import dev.jirasim.simulator.world.Comment;
import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraWebhook;
import dev.jirasim.simulator.world.World;
import dev.jirasim.simulator.world.WorldFile;
import dev.jirasim.simulator.world.WorldFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Random sequences of issue changes, registrations, refreshes and clock moves: what arrives at each URL equals a
 * reference model's list, in order — per matching registration the events of the issues its user may browse and its
 * filter matches, nothing for expired registrations, one delivery per URL naming every webhook it satisfied. The
 * model knows the filters by hand, not through the JQL code under test.
 */
class WebhookDeliveryProperties {
    private static final Instant T = Instant.parse("2030-06-01T00:00:00Z");
    private static final String ALICE = OAuth.ALICE_ID;
    private static final String BOB = "5f8a1c2e4b7d9e0011a2b3c5";
    /** Who may browse which project of acme (the default world: alice is a site admin, bob does not see SEC). */
    private static final Map<String, Set<String>> BROWSE = Map.of(ALICE, Set.of("ACME", "OPS", "SEC"), BOB, Set.of("ACME", "OPS"));
    private static final String[] EVENTS = {"jira:issue_created", "jira:issue_updated", "jira:issue_deleted", "comment_created", "comment_deleted"};

    /** A filter as text and as the model reads it: (issue, registering user) → match. */
    record Filter(String jql, BiPredicate<Model.State, String> model) {
        @Override
        public String toString() {
            return jql;
        }
    }

    static final List<Filter> FILTERS = List.of(
            new Filter("project = ACME", (i, u) -> i.project().equals("ACME")),
            new Filter("project in (ACME, SEC)", (i, u) -> Set.of("ACME", "SEC").contains(i.project())),
            new Filter("project != OPS", (i, u) -> !i.project().equals("OPS")),
            new Filter("status = Done", (i, u) -> i.status().equals("Done")),
            new Filter("issuetype = Bug AND project != SEC", (i, u) -> i.type().equals("Bug") && !i.project().equals("SEC")),
            new Filter("assignee = currentUser()", (i, u) -> u.equals(i.assignee())),
            new Filter("assignee != \"bob@acme.test\"", (i, u) -> i.assignee() != null && !i.assignee().equals(BOB)),
            new Filter("project = SEC OR status = \"In Progress\"", (i, u) -> i.project().equals("SEC") || i.status().equals("In Progress")),
            new Filter("project != null", (i, u) -> true));

    sealed interface Op {
    }

    record Register(String user, String path, Filter filter, List<String> events) implements Op {
    }

    record Create(String project, String type) implements Op {
    }

    /** {@code n} picks one of the issues created so far (none: nothing happens). */
    record Rename(int n) implements Op {
    }

    record Transition(int n, String status) implements Op {
    }

    record Assign(int n, String who) implements Op {
    }

    record AddComment(int n) implements Op {
    }

    record Delete(int n) implements Op {
    }

    record Advance(int days) implements Op {
    }

    record Refresh(String user) implements Op {
    }

    private static WorldFile seed;
    private static WebhookReceiver receiver;
    private static WebhookSender sender;
    private static final SimClock clock = new SimClock();
    private static Deliveries deliveries;

    @BeforeContainer
    static void start() {
        seed = WorldFiles.defaultWorld("http://localhost:1");
        receiver = new WebhookReceiver();
        sender = new WebhookSender();
        deliveries = new Deliveries(clock, sender);
    }

    @AfterContainer
    static void stop() {
        receiver.close();
        sender.close();
    }

    @BeforeTry
    void fresh() {
        receiver.clear();
        deliveries.reset();
    }

    // Edge cases would be mostly one-element scripts; random ones of up to 30 steps find more.
    @Property(tries = 100, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void whatArrivesAtEachUrlIsWhatTheModelSays(@ForAll("scripts") List<Op> script) {
        clock.freeze();
        clock.set(T);
        World world = World.of(seed, clock);
        WebhookEvents.attach(world, deliveries, "http://localhost:1");
        var model = new Model();
        var created = new ArrayList<String>();
        for (Op op : script) run(op, world, model, created);
        assertTrue(deliveries.awaitIdle(Duration.ofSeconds(20)), "deliveries still in flight");

        var arrived = new TreeMap<String, List<String>>();
        for (var r : receiver.received()) {
            var body = r.json();
            var ids = new ArrayList<Long>();
            body.path("matchedWebhookIds").forEach(n -> ids.add(n.asLong()));
            String key = body.path("issue").path("key").asText();
            arrived.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(body.path("webhookEvent").asText() + " " + key + " " + ids
                    + " " + r.header("X-Atlassian-Webhook-Flow"));
        }
        net.jqwik.api.statistics.Statistics.label("created").collect(created.size() > 3 ? ">3" : Integer.toString(created.size()));
        net.jqwik.api.statistics.Statistics.label("expected").collect(model.expected.values().stream().mapToInt(List::size).sum() == 0 ? "none expected" : "some expected");
        assertEquals(model.expected, arrived, "script: " + script);
    }

    /**
     * Found by the property (seed of 2026-12-07): the model first wrote this filter with an unquoted e-mail address,
     * which is no JQL at all ('@' is reserved), so nothing matched. Kept with the quoted form, and the refusal below.
     */
    @net.jqwik.api.Example
    void anAssignmentIsSeenByANegativeAssigneeFilter() {
        whatArrivesAtEachUrlIsWhatTheModelSays(List.of(new Register(ALICE, "/a", FILTERS.get(6), List.of("jira:issue_updated")),
                new Create("ACME", "Task"), new Assign(0, ALICE), new Assign(0, BOB), new Assign(0, null)));
    }

    @net.jqwik.api.Example
    void anUnquotedEmailAddressIsNoFilter() {
        World world = World.of(seed, clock);
        assertEquals(List.of("Error in the JQL Query: The character '@' is a reserved JQL character. You must enclose it in a string or use "
                + "the escape '\\u0040' instead. (line 1, character 16)"), WebhookFilter.problems(world, "acme", "assignee != bob@acme.test"));
    }

    private void run(Op op, World world, Model model, List<String> created) {
        Instant now = clock.now();
        if (op instanceof Register r) {
            assertEquals(List.of(), WebhookFilter.problems(world, "acme", r.filter().jql()), "the model's filters are valid webhook filters");
            JiraWebhook h = world.jiraWebhooks().register(new JiraWebhook(1, "acme", OAuth.CLIENT_ID, r.user(), receiver.url(r.path()), r.events(),
                    r.filter().jql(), null, null, now.plus(Duration.ofDays(30))));
            model.hooks.add(new Model.Hook(h.id(), r.user(), r.path(), r.filter(), Set.copyOf(r.events()), now.plus(Duration.ofDays(30))));
        } else if (op instanceof Create c) {
            Issue template = new Issue("1", c.project() + "-1", "acme", c.project(), "Created", null, c.type(), "To Do", "Medium", null, ALICE, ALICE,
                    List.of(), now, now, null, null, null, null, List.of());
            Issue issue = world.createIssue("acme", c.project(), i -> i, template, ALICE);
            created.add(issue.key());
            var state = new Model.State(issue.key(), c.project(), c.type(), "To Do", null, 0);
            model.issues.put(issue.key(), state);
            model.fire(now, "jira:issue_created", state, "Primary");
        } else if (op instanceof Advance a) {
            clock.advance(Duration.ofDays(a.days()));
        } else if (op instanceof Refresh r) {
            var ids = world.jiraWebhooks().of("acme", OAuth.CLIENT_ID, r.user()).stream().map(JiraWebhook::id).toList();
            world.jiraWebhooks().refresh("acme", OAuth.CLIENT_ID, r.user(), ids, now.plus(Duration.ofDays(30)));
            model.hooks.replaceAll(h -> h.user().equals(r.user()) ? h.expiring(now.plus(Duration.ofDays(30))) : h);
        } else {
            issueOp(op, world, model, created, now);
        }
    }

    private static int pick(Op op) {
        if (op instanceof Rename x) return x.n();
        if (op instanceof Transition x) return x.n();
        if (op instanceof Assign x) return x.n();
        if (op instanceof AddComment x) return x.n();
        return ((Delete) op).n();
    }

    private void issueOp(Op op, World world, Model model, List<String> created, Instant now) {
        if (created.isEmpty()) return;
        String key = created.get(Math.floorMod(pick(op), created.size()));
        Issue issue = world.jira().issue("acme", key).orElse(null);
        if (issue == null) return; // deleted already
        Model.State state = model.issues.get(key);
        if (op instanceof Rename) {
            world.updateIssue(issue, issue.toBuilder().summary("Renamed at " + model.counter++).build(), ALICE);
            model.fire(now, "jira:issue_updated", state, "Primary");
        } else if (op instanceof Transition t) {
            world.updateIssue(issue, issue.toBuilder().status(t.status()).build(), ALICE);
            if (!t.status().equals(state.status())) {
                state = state.withStatus(t.status());
                model.issues.put(key, state);
                model.fire(now, "jira:issue_updated", state, "Primary");
            }
        } else if (op instanceof Assign a) {
            world.updateIssue(issue, issue.toBuilder().assignee(a.who()).build(), ALICE);
            if (!java.util.Objects.equals(a.who(), state.assignee())) {
                state = state.withAssignee(a.who());
                model.issues.put(key, state);
                model.fire(now, "jira:issue_updated", state, "Primary");
            }
        } else if (op instanceof AddComment) {
            var comments = new ArrayList<>(issue.comments());
            comments.add(new Comment(Long.toString(50_000 + model.counter++), ALICE, "note", now, now));
            world.updateIssue(issue, issue.toBuilder().comments(comments).build(), ALICE);
            state = state.withComments(state.comments() + 1);
            model.issues.put(key, state);
            model.fire(now, "jira:issue_updated", state, "Primary");
            model.fire(now, "comment_created", state, "Primary");
        } else if (op instanceof Delete) {
            world.deleteIssue(issue, ALICE);
            model.issues.remove(key);
            model.fire(now, "jira:issue_deleted", state, "Primary");
            for (int i = 0; i < state.comments(); i++) model.fire(now, "comment_deleted", state, "Secondary");
        }
    }

    /** The reference: registrations, issues as the filters see them, and what each URL should receive, in order. */
    static final class Model {
        record Hook(long id, String user, String path, Filter filter, Set<String> events, Instant expires) {
            Hook expiring(Instant next) {
                return new Hook(id, user, path, filter, events, next);
            }
        }

        record State(String key, String project, String type, String status, String assignee, int comments) {
            State withStatus(String s) {
                return new State(key, project, type, s, assignee, comments);
            }

            State withAssignee(String a) {
                return new State(key, project, type, status, a, comments);
            }

            State withComments(int n) {
                return new State(key, project, type, status, assignee, n);
            }
        }

        final List<Hook> hooks = new ArrayList<>();
        final Map<String, State> issues = new LinkedHashMap<>();
        final TreeMap<String, List<String>> expected = new TreeMap<>();
        int counter;

        void fire(Instant now, String event, State issue, String flow) {
            var byPath = new LinkedHashMap<String, List<Long>>();
            for (Hook h : hooks) {
                if (!now.isBefore(h.expires()) || !h.events().contains(event)) continue;
                if (!BROWSE.get(h.user()).contains(issue.project()) || !h.filter().model().test(issue, h.user())) continue;
                byPath.computeIfAbsent(h.path(), k -> new ArrayList<>()).add(h.id());
            }
            byPath.forEach((path, ids) -> expected.computeIfAbsent(path, k -> new ArrayList<>()).add(event + " " + issue.key() + " " + ids + " " + flow));
        }
    }

    @Provide
    Arbitrary<List<Op>> scripts() {
        Arbitrary<String> users = Arbitraries.of(ALICE, BOB);
        Arbitrary<Op> register = Combinators.combine(users, Arbitraries.of("/a", "/b", "/c"), Arbitraries.of(FILTERS),
                Arbitraries.subsetOf(EVENTS).ofMinSize(1)).as((u, p, f, e) -> new Register(u, p, f, List.copyOf(new java.util.TreeSet<>(e))));
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 20);
        Arbitrary<Op> create = Combinators.combine(Arbitraries.of("ACME", "OPS", "SEC"), Arbitraries.of("Task", "Bug")).as(Create::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, register),
                net.jqwik.api.Tuple.of(4, create),
                net.jqwik.api.Tuple.of(2, n.map(Rename::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(n, Arbitraries.of("To Do", "In Progress", "Done")).as(Transition::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(n, Arbitraries.of(ALICE, BOB).injectNull(0.3)).as(Assign::new)),
                net.jqwik.api.Tuple.of(2, n.map(AddComment::new)),
                net.jqwik.api.Tuple.of(1, n.map(Delete::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1, 15, 31).map(Advance::new)),
                net.jqwik.api.Tuple.of(1, users.map(Refresh::new)));
        // A few registrations first, so that most scripts have something to deliver; more may come later.
        return Combinators.combine(register.list().ofMinSize(1).ofMaxSize(3), op.list().ofMinSize(1).ofMaxSize(30)
                .withSizeDistribution(net.jqwik.api.RandomDistribution.uniform())).as((first, rest) -> {
            var all = new ArrayList<Op>(first);
            all.addAll(rest);
            return List.copyOf(all);
        });
    }
}
