package dev.jirasim.simulator.common;

import java.util.Locale;

/** Reads the media type out of a Content-Type value, whatever the client put there. */
public final class MediaTypes {
    private MediaTypes() {
    }

    /** {@code "Application/JSON; charset=utf-8"} → {@code "application/json"}; null, blank or {@code ";"} → {@code ""}. */
    public static String of(String contentType) {
        if (contentType == null) return "";
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
