package dev.jirasim.maven;

/** What the plugin may print of a secret (the admin token): its first four characters and its length. */
final class Secrets {
    private Secrets() {
    }

    static String mask(String secret) {
        if (secret == null) return "none";
        if (secret.length() <= 8) return "***(" + secret.length() + " chars)";
        return secret.substring(0, 4) + "…(" + secret.length() + " chars)";
    }
}
