package dev.jirasim.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BannerTest {
    @Test
    void theBannerLineGivesVersionUrlAndPort() {
        var banner = Banner.parse("Jirasim 0.1.0-SNAPSHOT is listening on http://localhost:41234").orElseThrow();
        assertEquals("0.1.0-SNAPSHOT", banner.version());
        assertEquals(URI.create("http://localhost:41234"), banner.baseUrl());
        assertEquals(41234, banner.port());
    }

    @Test
    void aPublicUrlWithoutAPortHasTheSchemesPortAndLosesATrailingSlash() {
        var banner = Banner.parse("Jirasim 1.2.0 is listening on https://jirasim.example.test/ ").orElseThrow();
        assertEquals(URI.create("https://jirasim.example.test"), banner.baseUrl());
        assertEquals(443, banner.port());
    }

    @Test
    void otherLinesAreNotTheBanner() {
        // The log line that carries the banner starts with a timestamp; the banner itself is on the next line.
        assertTrue(Banner.parse("04:52:17.123 INFO  jirasim - ").isEmpty());
        assertTrue(Banner.parse("  auth.atlassian.com  -> http://localhost:41234/auth").isEmpty());
        assertTrue(Banner.parse("jirasim: port 8484 on 127.0.0.1 is already in use").isEmpty());
        assertTrue(Banner.parse("Jirasim 0.1.0 is listening on ftp://localhost:1").isEmpty());
    }
}
