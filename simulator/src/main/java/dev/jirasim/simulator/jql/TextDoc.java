package dev.jirasim.simulator.jql;

import dev.jirasim.simulator.world.Adf;
import dev.jirasim.simulator.world.Comment;
import dev.jirasim.simulator.world.Issue;
import java.util.List;
import java.util.Locale;

/**
 * An issue's searchable text, normalised once when the issue is indexed: lower case, every run of
 * characters other than letters and digits turned into one space, with a space at both ends. A word
 * prefix is then {@code " " + word} and a phrase {@code " w1 w2 "}: plain {@code contains} checks, with
 * no ADF walking at query time. Comments restricted to a group or role are left out: the index is shared by every
 * searcher, and a restricted comment must not make its issue findable by people who may not read it.
 */
record TextDoc(String summary, String description, List<String> comments) {
    static TextDoc of(Issue issue) {
        String description = issue.description() == null ? null : Adf.toText(issue.description());
        return new TextDoc(normalise(issue.summary()), description == null || description.isBlank() ? null : normalise(description),
                issue.comments().stream().filter(c -> c.visibility() == null).map(Comment::body).map(Adf::toText).filter(t -> t != null && !t.isBlank())
                        .map(TextDoc::normalise).toList());
    }

    static String normalise(String text) {
        var sb = new StringBuilder(text.length() + 2).append(' ');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
            else if (sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
        }
        if (sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether every term of {@code query} occurs in the field; for {@code text}, each term in any of them. */
    boolean matches(JqlField field, TextQuery query) {
        for (String term : query.terms()) {
            boolean found = switch (field) {
                case SUMMARY -> summary.contains(term);
                case DESCRIPTION -> description != null && description.contains(term);
                case COMMENT -> inComments(term);
                default -> summary.contains(term) || (description != null && description.contains(term)) || inComments(term);
            };
            if (!found) return false;
        }
        return true;
    }

    private boolean inComments(String term) {
        for (String c : comments) if (c.contains(term)) return true;
        return false;
    }
}
