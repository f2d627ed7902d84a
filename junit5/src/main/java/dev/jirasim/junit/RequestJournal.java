package dev.jirasim.junit;

import dev.jirasim.simulator.control.SimulatorControl;
import dev.jirasim.simulator.journal.JournalEntry;
import java.util.List;

/**
 * The requests this world answered, oldest first, secrets masked. Verify what a client sent:
 * <pre>{@code
 * sim.journal().verify(1, RequestPattern.post("/auth/oauth/token").withBodyContaining("refresh_token"));
 * sim.journal().verifyNone(RequestPattern.get("/api/ex/jira/*&#47;rest/api/3/search"));
 * }</pre>
 */
public final class RequestJournal {
    private final SimulatorControl control;

    RequestJournal(SimulatorControl control) {
        this.control = control;
    }

    public List<JournalEntry> requests() {
        return control.journal();
    }

    public List<JournalEntry> find(RequestPattern pattern) {
        return requests().stream().filter(pattern::matches).toList();
    }

    public int count(RequestPattern pattern) {
        return find(pattern).size();
    }

    /** Exactly {@code times} matching requests, or a {@link VerificationError} listing what was seen. */
    public void verify(int times, RequestPattern pattern) {
        int found = count(pattern);
        if (found != times) throw failure("Expected " + times + " request(s) matching [" + pattern + "] but found " + found);
    }

    /** At least one matching request. */
    public void verify(RequestPattern pattern) {
        if (count(pattern) == 0) throw failure("Expected a request matching [" + pattern + "] but found none");
    }

    public void verifyNone(RequestPattern pattern) {
        verify(0, pattern);
    }

    public void clear() {
        control.clearJournal();
    }

    private VerificationError failure(String message) {
        var sb = new StringBuilder(message).append(". Requests seen:");
        List<JournalEntry> all = requests();
        if (all.isEmpty()) sb.append(" none");
        for (JournalEntry e : all) {
            sb.append("\n  ").append(e.method()).append(' ').append(e.path());
            if (e.query() != null && !e.query().isEmpty()) sb.append('?').append(e.query());
            sb.append(" -> ").append(e.status());
        }
        return new VerificationError(sb.toString());
    }

    /** A failed verification; an {@link AssertionError}, so test tools report it as a failure. */
    public static final class VerificationError extends AssertionError {
        VerificationError(String message) {
            super(message);
        }
    }
}
