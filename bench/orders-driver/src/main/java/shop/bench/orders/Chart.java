package shop.bench.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Draws bench/orders' chart as plain SVG: confirmed orders a second (left) and the place to
 * CONFIRMED p99 (right) against the step's concurrency or rate, one line per saga mode.
 *
 * <pre>java -cp orders-driver.jar shop.bench.orders.Chart STEPS.tsv OUT.svg "X AXIS LABEL"</pre>
 *
 * STEPS.tsv has a line per step: saga mode, concurrency or rate, confirmed/s, p99 in ms (tab separated).
 */
public final class Chart {

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
  private static final int PANEL_WIDTH = 440;
  private static final int PANEL_HEIGHT = 300;
  private static final int LEFT = 70;
  private static final int TOP = 50;

  record Point(double x, double confirmedPerSecond, double p99Millis) {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: Chart STEPS.tsv OUT.svg X-LABEL");
      System.exit(2);
    }
    Map<String, List<Point>> series = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      series.computeIfAbsent(f[0], mode -> new ArrayList<>())
          .add(new Point(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
    }
    Files.writeString(Path.of(args[1]), svg(series, args[2]));
  }

  static String svg(Map<String, List<Point>> series, String xLabel) {
    TreeSet<Double> xs = new TreeSet<>();
    series.values().forEach(points -> points.forEach(p -> xs.add(p.x())));
    List<Double> xValues = new ArrayList<>(xs);
    int width = LEFT + PANEL_WIDTH + 90 + PANEL_WIDTH + 30;
    int height = TOP + PANEL_HEIGHT + 90;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
        width, height, width, height));
    panel(out, LEFT, "confirmed orders/s", xLabel, xValues, series, true);
    panel(out, LEFT + PANEL_WIDTH + 90, "place \u2192 CONFIRMED p99 (ms)", xLabel, xValues, series, false);
    int legendX = LEFT;
    int i = 0;
    for (String mode : series.keySet()) {
      String colour = COLOURS[i++ % COLOURS.length];
      int y = height - 18;
      out.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\"/>"
              + "<text x=\"%d\" y=\"%d\">%s</text>%n",
          legendX, y - 4, legendX + 24, y - 4, colour, legendX + 30, y, escape(mode)));
      legendX += 40 + 8 * mode.length();
    }
    return out.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder out, int left, String title, String xLabel, List<Double> xValues,
      Map<String, List<Point>> series, boolean throughput) {
    double max = 0;
    for (List<Point> points : series.values()) {
      for (Point p : points) {
        max = Math.max(max, value(p, throughput));
      }
    }
    double step = niceStep(max / 5);
    double top = Math.max(step, Math.ceil(max / step) * step);
    int bottom = TOP + PANEL_HEIGHT;
    out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        left, TOP - 20, escape(title)));
    for (double tick = 0; tick <= top + step / 2; tick += step) {
      double y = bottom - tick / top * PANEL_HEIGHT;
      out.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
              + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          left, y, left + PANEL_WIDTH, y, left - 6, y + 4, label(tick)));
    }
    for (int i = 0; i < xValues.size(); i++) {
      double x = xPosition(left, i, xValues.size());
      out.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>"
              + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
          x, bottom, x, bottom + 5, x, bottom + 20, label(xValues.get(i))));
    }
    out.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
            + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
        left, TOP, left, bottom, left, bottom, left + PANEL_WIDTH, bottom,
        left + PANEL_WIDTH / 2, bottom + 40, escape(xLabel)));
    int s = 0;
    for (List<Point> points : series.values()) {
      String colour = COLOURS[s++ % COLOURS.length];
      StringBuilder path = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (Point p : points.stream().sorted((a, b) -> Double.compare(a.x(), b.x())).toList()) {
        double x = xPosition(left, xValues.indexOf(p.x()), xValues.size());
        double y = bottom - value(p, throughput) / top * PANEL_HEIGHT;
        path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>", x, y, colour));
      }
      out.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"/>%s%n",
          path, colour, dots));
    }
  }

  private static double value(Point p, boolean throughput) {
    return throughput ? p.confirmedPerSecond() : p.p99Millis();
  }

  /** The steps are evenly spaced whatever their values (4, 8, 16, 32, 64 read best that way). */
  private static double xPosition(int left, int index, int count) {
    return count == 1 ? left + PANEL_WIDTH / 2.0 : left + 30 + index * (PANEL_WIDTH - 60.0) / (count - 1);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceStep(double rough) {
    if (rough <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= rough) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private static String label(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
