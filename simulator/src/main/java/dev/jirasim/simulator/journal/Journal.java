package dev.jirasim.simulator.journal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** The requests one tenant has seen, newest last; bounded so a long-running server does not grow. */
public final class Journal {
    public static final int DEFAULT_CAPACITY = 10_000;
    private final int capacity;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    private long seq;

    public Journal() {
        this(DEFAULT_CAPACITY);
    }

    public Journal(int capacity) {
        this.capacity = capacity;
    }

    public synchronized long nextSeq() {
        return ++seq;
    }

    public synchronized void add(JournalEntry entry) {
        if (entries.size() == capacity) entries.removeFirst();
        entries.addLast(entry);
    }

    public synchronized List<JournalEntry> list() {
        return List.copyOf(entries);
    }

    public synchronized List<JournalEntry> find(Predicate<JournalEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
