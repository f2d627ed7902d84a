package dev.jirasim.conformance.parse;

import dev.jirasim.conformance.model.SourcePos;

/** A mistake in a scenario, target or manifest file, with where it is. */
public final class ParseProblem extends Exception {
    private final SourcePos pos;

    public ParseProblem(SourcePos pos, String message) {
        super(pos + ": " + message, null, false, false);
        this.pos = pos;
    }

    public SourcePos pos() {
        return pos;
    }
}
