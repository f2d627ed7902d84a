package dev.jirasim.simulator.journal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The requests one tenant has seen, newest last; bounded so a long-running server does not grow. Each entry is
 * kept as one compact byte array and read back into a {@link JournalEntry} when asked for: a busy server journals
 * every request, and ten thousand entries of records, maps and strings (about fifteen objects each) outlived the
 * young generation and made the JVM grow its heap to twice what the same load needs without them.
 */
public final class Journal {
    public static final int DEFAULT_CAPACITY = 10_000;
    private final int capacity;
    private final Deque<byte[]> entries = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();

    public Journal() {
        this(DEFAULT_CAPACITY);
    }

    public Journal(int capacity) {
        this.capacity = capacity;
    }

    public long nextSeq() {
        return seq.incrementAndGet();
    }

    public void add(JournalEntry entry) {
        byte[] packed = Packed.write(entry); // outside the lock: requests of one tenant journal in parallel
        synchronized (this) {
            if (entries.size() == capacity) entries.removeFirst();
            entries.addLast(packed);
        }
    }

    public List<JournalEntry> list() {
        return find(e -> true);
    }

    public List<JournalEntry> find(Predicate<JournalEntry> filter) {
        byte[][] packed;
        synchronized (this) {
            packed = entries.toArray(new byte[0][]);
        }
        var found = new ArrayList<JournalEntry>();
        for (byte[] p : packed) {
            JournalEntry e = Packed.read(p);
            if (filter.test(e)) found.add(e);
        }
        return List.copyOf(found);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /**
     * An entry as bytes: numbers as varints, each string as its length (-1 for null) and its chars, one byte each
     * below 128. Chars rather than UTF-8, so that any string, even one with an unpaired surrogate, reads back as it was.
     */
    static final class Packed {
        private byte[] buf = new byte[256];
        private int at;

        static byte[] write(JournalEntry e) {
            var p = new Packed();
            p.writeLong(e.seq());
            p.writeLong(e.at().getEpochSecond());
            p.writeLong(e.at().getNano());
            p.writeLong(e.status());
            p.writeLong(e.durationMs());
            p.writeString(e.method());
            p.writeString(e.path());
            p.writeString(e.query());
            p.writeString(e.body());
            p.writeString(e.fault());
            Map<String, String> headers = e.headers();
            p.writeLong(headers == null ? -1 : headers.size());
            if (headers != null) {
                headers.forEach((name, value) -> {
                    p.writeString(name);
                    p.writeString(value);
                });
            }
            return Arrays.copyOf(p.buf, p.at);
        }

        static JournalEntry read(byte[] bytes) {
            var p = new Packed();
            p.buf = bytes;
            long seq = p.readLong();
            Instant at = Instant.ofEpochSecond(p.readLong(), p.readLong());
            int status = (int) p.readLong();
            long duration = p.readLong();
            String method = p.readString();
            String path = p.readString();
            String query = p.readString();
            String body = p.readString();
            String fault = p.readString();
            long count = p.readLong();
            Map<String, String> headers = null;
            if (count >= 0) {
                headers = new LinkedHashMap<>();
                for (long i = 0; i < count; i++) headers.put(p.readString(), p.readString());
            }
            return new JournalEntry(seq, at, method, path, query, headers, body, status, duration, fault);
        }

        private void room(int n) {
            if (at + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, at + n));
        }

        /** Zig-zag varint: small numbers, negative ones too, take a byte or two. */
        private void writeLong(long v) {
            long z = (v << 1) ^ (v >> 63);
            room(10);
            while ((z & ~0x7FL) != 0) {
                buf[at++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[at++] = (byte) z;
        }

        private long readLong() {
            long z = 0;
            int shift = 0;
            byte b;
            do {
                b = buf[at++];
                z |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return (z >>> 1) ^ -(z & 1);
        }

        private void writeString(String s) {
            if (s == null) {
                writeLong(-1);
                return;
            }
            writeLong(s.length());
            room(s.length() * 3);
            for (int i = 0; i < s.length(); i++) {
                int c = s.charAt(i);
                while (c >= 0x80) {
                    buf[at++] = (byte) ((c & 0x7F) | 0x80);
                    c >>>= 7;
                }
                buf[at++] = (byte) c;
            }
        }

        private String readString() {
            int n = (int) readLong();
            if (n < 0) return null;
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                int c = 0;
                int shift = 0;
                byte b;
                do {
                    b = buf[at++];
                    c |= (b & 0x7F) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                chars[i] = (char) c;
            }
            return new String(chars);
        }
    }
}
