package dev.jirasim.bench;

import java.util.Locale;

/**
 * Just enough SVG for a bar chart, written as text: a standalone image with its own {@code <title>} and {@code <desc>}
 * (what a screen reader says, and the numbers for anyone who cannot see the bars) and an opaque light background,
 * so it reads the same on GitHub's light and dark themes.
 */
final class Svg {
    static final String INK = "#172b4d";
    static final String MUTED = "#44546f";
    static final String GRID = "#dcdfe4";
    private static final String FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";

    private final int width;
    private final String title;
    private final String desc;
    private final StringBuilder sb = new StringBuilder();

    /** An image {@code width} pixels wide; its height is known once everything is drawn ({@link #end}). */
    Svg(int width, String title, String desc) {
        this.width = width;
        this.title = title;
        this.desc = desc;
    }

    /** A rectangle; {@code cls} and {@code tip} (a tooltip where the SVG is opened directly) may be null. */
    Svg rect(double x, double y, double w, double h, String fill, String cls, String tip) {
        sb.append("<rect");
        if (cls != null) sb.append(" class=\"").append(cls).append('"');
        sb.append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\" fill=\"").append(fill).append('"');
        if (tip == null) return raw("/>\n");
        return raw("><title>").raw(esc(tip)).raw("</title></rect>\n");
    }

    /** Text at a baseline point; {@code style} is extra attributes, e.g. {@code text-anchor="end" font-weight="600"}. */
    Svg text(double x, double y, String text, String style) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!style.isEmpty()) sb.append(' ').append(style);
        return raw(">").raw(esc(text)).raw("</text>\n");
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, String style) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2))
                .append("\" stroke=\"").append(stroke).append('"');
        if (!style.isEmpty()) sb.append(' ').append(style);
        return raw("/>\n");
    }

    private Svg raw(String s) {
        sb.append(s);
        return this;
    }

    /** The whole image, {@code height} pixels high. */
    String end(double height) {
        String h = n(Math.ceil(height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + h + "\" viewBox=\"0 0 " + width + " " + h
                + "\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"" + FONT + "\" font-size=\"13\" fill=\"" + INK + "\">\n"
                + "<title id=\"title\">" + esc(title) + "</title>\n"
                + "<desc id=\"desc\">" + esc(desc) + "</desc>\n"
                + "<rect width=\"" + width + "\" height=\"" + h + "\" fill=\"#ffffff\" stroke=\"" + GRID + "\"/>\n"
                + sb + "</svg>\n";
    }

    /** A coordinate, to a hundredth of a pixel, without trailing zeros. */
    static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceFirst("\\.?0+$", "");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A value axis from 0: {@code ticks} steps of {@code step} (1, 2, 2.5 or 5 times a power of ten), reaching at least the largest value. */
    record Axis(double step, int ticks) {
        static Axis upTo(double max) {
            if (max <= 0) return new Axis(1, 1);
            double rough = max / 5;
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            double step = 10 * power;
            for (double m : new double[] {1, 2, 2.5, 5}) {
                if (m * power >= rough) {
                    step = m * power;
                    break;
                }
            }
            return new Axis(step, (int) Math.ceil(max / step - 1e-9));
        }

        double max() {
            return step * ticks;
        }
    }
}
