package dev.jirasim.simulator.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, written into version.properties by Maven when the jar is built. */
public final class Version {
    private static final String CURRENT = read();

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/jirasim/simulator/version.properties")) {
            if (in == null) return "unknown";
            var p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // Unfiltered (run from an IDE's own build): say so rather than print the placeholder.
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
