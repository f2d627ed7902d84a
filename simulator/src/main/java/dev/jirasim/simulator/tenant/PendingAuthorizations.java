package dev.jirasim.simulator.tenant;

import dev.jirasim.simulator.world.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Consent pages in progress, keyed by an unguessable transaction id that the pages carry in a hidden field,
 * and bound to the browser that opened them by a second secret in a cookie: a form post needs both (CSRF).
 * Bounded, oldest evicted.
 */
public final class PendingAuthorizations {
    private static final int CAPACITY = 1_000;

    /** A consent in progress; {@code accountId} is set once the person picked an account. */
    public record Pending(String id, ConsentRequest request, String accountId, String browserKey) {
        /** The cookie that binds this consent to the browser that opened it. */
        public String cookieName() {
            return "jirasim-consent-" + id;
        }

        public boolean sameBrowser(String cookieValue) {
            return cookieValue != null && java.security.MessageDigest.isEqual(browserKey.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    cookieValue.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private final Map<String, Pending> byId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized Pending open(ConsentRequest request) {
        var pending = new Pending(Secrets.token(24), request, null, Secrets.token(24));
        byId.put(pending.id(), pending);
        return pending;
    }

    public synchronized Optional<Pending> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public synchronized Pending chooseAccount(Pending pending, String accountId) {
        var next = new Pending(pending.id(), pending.request(), accountId, pending.browserKey());
        byId.put(next.id(), next);
        return next;
    }

    /** Ends a consent; a second decision on the same page finds nothing. */
    public synchronized Optional<Pending> close(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.remove(id));
    }

    public synchronized void clear() {
        byId.clear();
    }
}
