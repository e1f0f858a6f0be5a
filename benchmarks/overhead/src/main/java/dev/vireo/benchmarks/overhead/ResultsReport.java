package dev.vireo.benchmarks.overhead;

import java.util.List;
import java.util.Locale;

/** The Markdown table (medians, ratios to no agent) and the targets of issue 11, met or missed by how much. */
final class ResultsReport {

  private final Measurements m;
  private final String none;
  private final String vireo;
  private final String otel;

  ResultsReport(Measurements measurements, String none, String vireo, String otel) {
    this.m = measurements;
    this.none = none;
    this.vireo = vireo;
    this.otel = otel;
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append("| Metric | ").append(none).append(" | ").append(vireo).append(" | ").append(otel)
        .append(" | Vireo / none | OTel / none |\n");
    out.append("|---|---:|---:|---:|---:|---:|\n");
    for (Metric metric : Metric.values()) {
      double n = m.median(none, metric);
      double v = m.median(vireo, metric);
      double o = m.median(otel, metric);
      if (Double.isNaN(v) && Double.isNaN(o)) {
        continue;
      }
      out.append("| ").append(metric.label).append(metric.unit.isEmpty() ? "" : " (" + metric.unit + ")")
          .append(" | ").append(number(n)).append(" | ").append(number(v)).append(" | ").append(number(o))
          .append(" | ").append(ratio(v, n)).append(" | ").append(ratio(o, n)).append(" |\n");
    }
    return out.toString();
  }

  String targets() {
    StringBuilder out = new StringBuilder();
    out.append("| Target (issue 11) | Goal | Measured | |\n|---|---|---|---|\n");
    addedShare(out, "Added start-up wall (shop) vs OTel's", Metric.STARTUP_WALL, 1.0 / 5);
    addedShare(out, "Added start-up CPU (shop) vs OTel's", Metric.STARTUP_CPU, 1.0 / 5);
    addedShare(out, "Added start-up wall (hello world) vs OTel's", Metric.HELLO_WALL, 1.0 / 5);
    addedShare(out, "Added peak RSS (shop) vs OTel's", Metric.PEAK_RSS, 1.0 / 3);
    addedShare(out, "Added p99 latency vs OTel's", Metric.P99, 1.0 / 2);
    double throughput = m.median(vireo, Metric.THROUGHPUT) / m.median(none, Metric.THROUGHPUT);
    row(out, "Throughput vs no agent", "≥ 97 %", percent(throughput), throughput >= 0.97,
        throughput >= 0.97 ? "" : String.format(Locale.ROOT, "%.1f points short", (0.97 - throughput) * 100));
    double jar = m.median(vireo, Metric.JAR_SIZE);
    row(out, "Agent jar size", "≤ 6 MiB", number(jar) + " MiB", jar <= 6,
        jar <= 6 ? "" : String.format(Locale.ROOT, "%.2f MiB over", jar - 6));
    return out.toString();
  }

  private void addedShare(StringBuilder out, String name, Metric metric, double goal) {
    double base = m.median(none, metric);
    double addedVireo = m.median(vireo, metric) - base;
    double addedOtel = m.median(otel, metric) - base;
    String goalText = goal == 0.2 ? "≤ 1/5" : goal < 0.34 ? "≤ 1/3" : "≤ 1/2";
    if (addedOtel <= 0) {
      row(out, name, goalText, "Vireo " + signed(addedVireo) + ", OTel " + signed(addedOtel) + " " + metric.unit,
          addedVireo <= 0, "OTel added nothing measurable: no ratio");
      return;
    }
    double share = addedVireo / addedOtel;
    boolean met = share <= goal;
    row(out, name, goalText, String.format(Locale.ROOT, "%.2f (Vireo %s, OTel %s %s)", share,
        signed(addedVireo), signed(addedOtel), metric.unit), met,
        met ? "" : String.format(Locale.ROOT, "missed by %s %s (%.1fx the goal)",
            number(addedVireo - goal * addedOtel), metric.unit, share / goal));
  }

  private static void row(StringBuilder out, String name, String goal, String measured, boolean met, String note) {
    out.append("| ").append(name).append(" | ").append(goal).append(" | ").append(measured).append(" | ")
        .append(met ? "met" : "**missed**").append(note.isEmpty() ? "" : ": " + note).append(" |\n");
  }

  String rawValues(List<String> agents) {
    StringBuilder out = new StringBuilder();
    for (Metric metric : Metric.values()) {
      for (String agent : agents) {
        List<Double> values = m.all(agent, metric);
        if (!values.isEmpty()) {
          out.append(metric.name()).append(' ').append(agent).append(": ");
          values.forEach(v -> out.append(number(v)).append(' '));
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    double abs = Math.abs(value);
    return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String signed(double value) {
    return (value >= 0 ? "+" : "") + number(value);
  }

  private static String ratio(double value, double base) {
    if (Double.isNaN(value) || Double.isNaN(base) || base == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f×", value / base);
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f %%", value * 100);
  }
}
