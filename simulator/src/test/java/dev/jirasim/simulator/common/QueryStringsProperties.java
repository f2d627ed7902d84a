package dev.jirasim.simulator.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.http.servlet.JavalinServletContextKt;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link QueryStrings} against the Javalin code it stands in for: the same map for every query string. */
class QueryStringsProperties {
    @Property(tries = 3000)
    void readsEveryQueryStringAsJavalinDoes(@ForAll("queries") String query, @ForAll("charsets") String charset) {
        assertSame(query, charset);
    }

    @Example
    void edgeCases() {
        for (String q : List.of("", "&", "=", "==", "a", "a=", "=b", "a=b=c", "a=1&a=2&b", "a=%zz&a=2", "%zz=1&b=2", "a=%", "a+b=c+d",
                "jql=project+%3D+ACME+ORDER+BY+created+DESC&maxResults=10&fields=summary", "a=%E2%82%AC", "a=%C3", "&&a=1&&", "%41=%42")) {
            for (String charset : List.of("UTF-8", "ISO-8859-1", "", "no-such-charset", "bad name!")) assertSame(q, charset);
            // No charset on the request: UTF-8, as Javalin defaults.
            assertEquals(JavalinServletContextKt.splitKeyValueStringAndGroupByKey(q, "UTF-8"), QueryStrings.parse(q, null), q);
        }
    }

    private static void assertSame(String query, String charset) {
        Map<String, List<String>> javalins = JavalinServletContextKt.splitKeyValueStringAndGroupByKey(query, charset);
        assertEquals(javalins, QueryStrings.parse(query, charset), () -> "query string '" + query + "' in " + charset);
        assertEquals(List.copyOf(javalins.keySet()), List.copyOf(QueryStrings.parse(query, charset).keySet()), "order of names");
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.strings().withChars("ab=&%+2F4Ez1é ").ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("UTF-8", "UTF-8", "UTF-8", "ISO-8859-1", "no-such-charset");
    }
}
