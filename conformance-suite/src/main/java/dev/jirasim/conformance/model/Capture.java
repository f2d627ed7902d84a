package dev.jirasim.conformance.model;

/** Saves a value of the response as a variable for later steps. */
public record Capture(String variable, From from, String expression, SourcePos pos) {
    public enum From { JSON, HEADER, REDIRECT_QUERY }
}
