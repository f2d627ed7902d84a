package dev.jirasim.simulator.jql;

import java.util.ArrayList;
import java.util.List;

/**
 * The right-hand side of {@code ~} as search terms over {@link TextDoc}'s normalised text. Words match as
 * case-insensitive word prefixes (Jira stems words; prefixes are our stand-in, and {@code word*} means the
 * same); text in double quotes inside the value is an exact phrase. All terms must match (Jira's default
 * operator between words). Lucene syntax (AND, OR, +, -, ~, ^) is not interpreted: its words become terms.
 */
record TextQuery(List<String> terms) {
    static TextQuery parse(String text) {
        var terms = new ArrayList<String>();
        int i = 0;
        while (i < text.length()) {
            int quote = text.indexOf('"', i);
            int end = quote < 0 ? -1 : text.indexOf('"', quote + 1);
            if (quote < 0 || end < 0) {
                words(text.substring(i), terms);
                break;
            }
            words(text.substring(i, quote), terms);
            String phrase = TextDoc.normalise(text.substring(quote + 1, end));
            if (!phrase.isBlank()) terms.add(phrase);
            i = end + 1;
        }
        return new TextQuery(terms);
    }

    private static void words(String text, List<String> terms) {
        for (String word : TextDoc.normalise(text).trim().split(" ")) {
            if (!word.isEmpty()) terms.add(" " + word);
        }
    }
}
