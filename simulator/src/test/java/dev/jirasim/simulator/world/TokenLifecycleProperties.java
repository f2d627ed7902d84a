package dev.jirasim.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jirasim.simulator.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of issue / refresh (current or old token) / advance clock / revoke / use access token,
 * run against the real {@link TokenStore} and a small model written straight from Atlassian's rules
 * (reference §2.5). Every refresh and every access check must agree.
 */
class TokenLifecycleProperties {
    private static final long LEEWAY = 600, HOUR = 3600, DAY = 86_400;
    private static final List<String> SCOPES = List.of("read:jira-work", "offline_access");

    sealed interface Action {
    }

    record Issue() implements Action {
    }

    record Refresh(int pick) implements Action {
    }

    record Advance(long seconds) implements Action {
    }

    record RevokeGrant() implements Action {
    }

    record UseAccess(int pick) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Issue())),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 1000).map(Refresh::new)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(1L, 60L, 599L, 600L, 601L, HOUR, 30 * DAY, 89 * DAY, 91 * DAY, 200 * DAY).map(Advance::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new RevokeGrant())),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 1000).map(UseAccess::new)));
        return action.list().ofMinSize(1).ofMaxSize(40);
    }

    /** The model: plain fields and the documented rules, nothing shared with the implementation. */
    static final class Model {
        long now;
        final List<ModelGrant> grants = new ArrayList<>();
        final List<ModelRefresh> refresh = new ArrayList<>();
        final List<ModelAccess> access = new ArrayList<>();

        static final class ModelGrant {
            boolean revoked;
        }

        static final class ModelRefresh {
            ModelGrant grant;
            int family;
            long familyStart;
            long issued;
            Long rotated;
        }

        static final class ModelAccess {
            ModelGrant grant;
            ModelRefresh companion;
            long issued;
        }

        ModelGrant currentGrant() {
            if (grants.isEmpty() || grants.get(grants.size() - 1).revoked) grants.add(new ModelGrant());
            return grants.get(grants.size() - 1);
        }

        void issue(int family) {
            mint(currentGrant(), family, now);
        }

        private void mint(ModelGrant g, int family, long familyStart) {
            var r = new ModelRefresh();
            r.familyStart = familyStart;
            r.grant = g;
            r.family = family;
            r.issued = now;
            refresh.add(r);
            var a = new ModelAccess();
            a.grant = g;
            a.companion = r;
            a.issued = now;
            access.add(a);
        }

        boolean refresh(ModelRefresh r) {
            if (r.grant.revoked) return false;
            if (now - r.issued >= 90 * DAY) return false;
            if (now - r.familyStart >= 365 * DAY) return false;
            if (r.rotated != null && now - r.rotated >= LEEWAY) {
                r.grant.revoked = true;
                return false;
            }
            for (ModelRefresh other : refresh) {
                if (other.family == r.family && other.rotated == null) other.rotated = now;
            }
            mint(r.grant, r.family, r.familyStart);
            return true;
        }

        boolean accessValid(ModelAccess a) {
            if (a.grant.revoked || now - a.issued >= HOUR) return false;
            return a.companion.rotated == null || now - a.companion.rotated < LEEWAY;
        }
    }

    @Property(tries = 300)
    void storeAgreesWithTheModel(@ForAll("actions") List<Action> actions) {
        var clock = new SimClock();
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        clock.freeze();
        World world = World.of(WorldFiles.defaultWorld("http://localhost:8484"), clock);
        TokenStore store = world.tokens();
        String alice = world.user("alice@acme.test").orElseThrow().accountId();
        String acme = world.site("acme").orElseThrow().cloudId();
        var model = new Model();
        List<TokenPair> pairs = new ArrayList<>();
        int families = 0;

        for (Action action : actions) {
            if (action instanceof Issue) {
                Grant grant = store.consent("jirasim-client", alice, SCOPES, List.of(acme));
                var code = store.issueCode(grant, "http://localhost:3000/callback", SCOPES, null, null);
                var out = store.redeem(code.code(), "jirasim-client", "http://localhost:3000/callback", null, false);
                pairs.add(((TokenStore.Outcome.Issued<TokenStore.CodeRejection>) out).pair());
                model.issue(families++);
            } else if (action instanceof Refresh r && !pairs.isEmpty()) {
                int i = r.pick() % pairs.size();
                var out = store.refresh(pairs.get(i).refresh().token(), "jirasim-client");
                boolean expected = model.refresh(model.refresh.get(i));
                assertEquals(expected, out instanceof TokenStore.Outcome.Issued, "refresh of token " + i + " after " + actions);
                if (out instanceof TokenStore.Outcome.Issued<TokenStore.RefreshRejection> issued) pairs.add(issued.pair());
            } else if (action instanceof Advance a) {
                clock.advance(Duration.ofSeconds(a.seconds()));
                model.now += a.seconds();
            } else if (action instanceof RevokeGrant && !model.grants.isEmpty()) {
                store.snapshot().grants().stream().filter(g -> !g.revoked()).forEach(g -> store.revokeGrant(g.id()));
                model.grants.forEach(g -> g.revoked = true);
            } else if (action instanceof UseAccess u && !pairs.isEmpty()) {
                int i = u.pick() % pairs.size();
                assertEquals(model.accessValid(model.access.get(i)), store.authenticate(pairs.get(i).access().token()).isPresent(),
                        "access token " + i + " after " + actions);
            }
        }
        // The family invariant: never two live heads in one family.
        var live = store.snapshot().refreshTokens().stream().filter(t -> t.rotatedAt() == null && t.revokedAt() == null)
                .map(RefreshToken::familyId).toList();
        assertEquals(live.size(), live.stream().distinct().count());
    }
}
