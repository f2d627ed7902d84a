package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Issue;
import dev.jirasim.simulator.world.JiraData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The search index of one site's issues, kept current as a {@link JiraData.Listener}. Each issue gets a
 * small integer slot; {@link Postings} map field values to slot sets and dates to sorted maps, so a clause
 * on an indexed field costs the size of its postings, not a scan. Searches hold the read lock; changes the
 * write lock.
 *
 * <pre>{@code
 * IssueIndex index = IssueIndex.of(world.jira(), "acme");   // subscribes, then loads the current issues
 * }</pre>
 */
public final class IssueIndex implements JiraData.Listener {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Issue> issues = new ArrayList<>();
    private final List<TextDoc> texts = new ArrayList<>();
    private long[] numericIds = new long[16];
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private final Map<String, Integer> slotById = new HashMap<>();
    private final Map<String, Integer> slotByKey = new HashMap<>();
    private final BitSet live = new BitSet();
    private final Postings postings = new Postings();
    private final HistoryPostings history = new HistoryPostings();
    /** Bumped by every change, under the write lock: cached results carry the version they were computed at. */
    private long version;

    private IssueIndex() {
    }

    /**
     * Subscribes to a site's changes and loads its issues. The write lock is held across both, so a change
     * reported between subscribing and loading waits and then applies on top of the snapshot.
     */
    public static IssueIndex of(JiraData data, String site) {
        var index = new IssueIndex();
        index.lock.writeLock().lock();
        try {
            for (Issue issue : data.listen(site, index)) {
                if (!index.slotById.containsKey(issue.id())) index.add(issue);
            }
        } finally {
            index.lock.writeLock().unlock();
        }
        return index;
    }

    /** A detached index over fixed issues (tests, benchmarks). */
    public static IssueIndex of(Collection<Issue> issues) {
        var index = new IssueIndex();
        issues.forEach(index::added);
        return index;
    }

    @Override
    public void added(Issue issue) {
        lock.writeLock().lock();
        try {
            Integer previous = slotById.get(issue.id());
            if (previous != null) remove(previous);
            add(issue);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void removed(Issue issue) {
        lock.writeLock().lock();
        try {
            Integer slot = slotById.get(issue.id());
            if (slot != null) remove(slot);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number of indexed issues. */
    /** How many changes this index has seen; read under {@link #readLock()}. */
    long version() {
        return version;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return slotById.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void add(Issue issue) {
        version++;
        int slot;
        if (freeSlots.isEmpty()) {
            slot = issues.size();
            issues.add(issue);
            texts.add(TextDoc.of(issue));
        } else {
            slot = freeSlots.pop();
            issues.set(slot, issue);
            texts.set(slot, TextDoc.of(issue));
        }
        if (slot >= numericIds.length) numericIds = java.util.Arrays.copyOf(numericIds, numericIds.length * 2);
        numericIds[slot] = Long.parseLong(issue.id());
        slotById.put(issue.id(), slot);
        slotByKey.put(issue.key().toUpperCase(Locale.ROOT), slot);
        live.set(slot);
        postings.add(slot, issue, texts.get(slot));
        history.add(slot, issue);
    }

    private void remove(int slot) {
        version++;
        Issue issue = issues.get(slot);
        postings.remove(slot, issue, texts.get(slot));
        history.remove(slot, issue);
        slotById.remove(issue.id());
        slotByKey.remove(issue.key().toUpperCase(Locale.ROOT));
        live.clear(slot);
        issues.set(slot, null);
        texts.set(slot, null);
        freeSlots.push(slot);
    }

    // ---- read side, for the search package; callers hold the read lock ----

    Lock readLock() {
        return lock.readLock();
    }

    int count() {
        return slotById.size();
    }

    Issue issue(int slot) {
        return issues.get(slot);
    }

    TextDoc text(int slot) {
        return texts.get(slot);
    }

    long numericId(int slot) {
        return numericIds[slot];
    }

    Integer slotOfKey(String key) {
        return slotByKey.get(key.toUpperCase(Locale.ROOT));
    }

    Integer slotOfId(String id) {
        return slotById.get(id);
    }

    Postings postings() {
        return postings;
    }

    HistoryPostings history() {
        return history;
    }

    /** Slots of the issues in the given projects. */
    BitSet inProjects(Collection<String> projectKeys) {
        return postings.terms(JqlField.PROJECT, projectKeys);
    }

    BitSet live() {
        return (BitSet) live.clone();
    }
}
