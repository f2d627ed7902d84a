package dev.jirasim.simulator.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The journal keeps entries packed; what it gives back is exactly what it was given, in order, and no more than its capacity. */
class JournalProperties {

    @Property(tries = 500)
    void anEntryReadsBackAsItWasWritten(@ForAll("entries") JournalEntry entry) {
        assertEquals(entry, Journal.Packed.read(Journal.Packed.write(entry)));
    }

    @Property(tries = 50)
    void theJournalKeepsTheNewestEntriesInOrder(@ForAll("lists") List<JournalEntry> entries) {
        var journal = new Journal(5);
        entries.forEach(journal::add);
        assertEquals(entries.subList(Math.max(0, entries.size() - 5), entries.size()), journal.list());
        assertEquals(journal.list().stream().filter(e -> e.status() >= 400).toList(), journal.find(e -> e.status() >= 400));
    }

    @Example
    void oddTextSurvives() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("X-Odd", "\uD800 unpaired, \u0000 nul, \u00e9, \uD83D\uDE00");
        var e = new JournalEntry(Long.MAX_VALUE, Instant.parse("-1000-01-01T00:00:00.123456789Z"), "GET", "/p\uDFFF", null, headers, "", -1, Long.MIN_VALUE, null);
        assertEquals(e, Journal.Packed.read(Journal.Packed.write(e)));
    }

    @Provide
    Arbitrary<List<JournalEntry>> lists() {
        return entries().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<JournalEntry> entries() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40).injectNull(0.2);
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(30)).ofMaxSize(5).map(m -> (Map<String, String>) new LinkedHashMap<>(m)).injectNull(0.1);
        Arbitrary<Instant> at = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
        Arbitrary<JournalEntry> head = Combinators.combine(Arbitraries.longs(), at, Arbitraries.of("GET", "POST", "PATCH"), text, text)
                .as((seq, when, method, path, query) -> new JournalEntry(seq, when, method, path, query, null, null, 0, 0, null));
        return Combinators.combine(head, headers, text, Arbitraries.integers(), Arbitraries.longs(), text).as((h, hs, body, status, ms, fault) ->
                new JournalEntry(h.seq(), h.at(), h.method(), h.path(), h.query(), hs, body, status, ms, fault));
    }
}
