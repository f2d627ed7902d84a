package dev.jirasim.conformance.parity;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What differs between two answers to the same step: status, {@link HeaderFacets}, body shape, and the values
 * the step marks with {@code compare}. Nothing else is compared: tokens, ids and timestamps differ between any
 * two runs. Each line reads "value on A → value on B".
 */
public final class ExchangeDiff {
    static final String ABSENT = "absent";
    private static final Configuration JSON = Configuration.builder().jsonProvider(new JacksonJsonProvider())
            .mappingProvider(new JacksonMappingProvider()).build();

    private ExchangeDiff() {
    }

    public static List<String> diff(Observation a, Observation b) {
        var out = new ArrayList<String>();
        if (a.status() != b.status()) out.add("status: " + a.status() + " → " + b.status());
        Map<String, String> fa = HeaderFacets.of(a);
        Map<String, String> fb = HeaderFacets.of(b);
        fa.forEach((name, value) -> {
            if (!value.equals(fb.get(name))) out.add(name + ": " + value + " → " + fb.get(name));
        });
        out.addAll(ShapeDiff.diff(Shape.of(a.body()), Shape.of(b.body())));
        // Either side's marks count: the scenario is the same file on both runs, so they agree anyway.
        var marked = new LinkedHashSet<>(a.compare());
        marked.addAll(b.compare());
        for (String mark : marked) {
            String va = value(a, mark);
            String vb = value(b, mark);
            if (!va.equals(vb)) out.add(mark + " = " + va + " → " + vb);
        }
        return out;
    }

    /** A marked value as text: a JSON path's value as JSON, or a header's whole value; "absent" when missing. */
    static String value(Observation o, String mark) {
        if (!mark.startsWith("$")) {
            String header = o.header(mark);
            return header == null ? ABSENT : header;
        }
        if (Shape.of(o.body()).kind() != Shape.Kind.JSON) return ABSENT;
        try {
            Object value = JsonPath.using(JSON).parse(o.body()).read(mark);
            return JSON.jsonProvider().toJson(value);
        } catch (RuntimeException missing) {
            // PathNotFoundException, or a path that does not fit this document's shape: either way, nothing there
            return ABSENT;
        }
    }
}
