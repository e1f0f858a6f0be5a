package dev.vireo.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The first-traced-call pairs of several reports ({@code --metrics-pairs}, each report's "All values") as one sample:
 * the same table and issue 21's target rows as a single run of all their pairs would give. Only for reports whose arms
 * measure the same thing (the same off arm, jars with the same first-call path); each report's values are appended in
 * its run order, so its pairs stay pairs.
 *
 * <pre>java -cp benchmarks/overhead/target/classes dev.vireo.benchmarks.overhead.PooledPairs report1.md report2.md</pre>
 */
public final class PooledPairs {

  private PooledPairs() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: PooledPairs <report.md> [<report.md> ...]");
    }
    Measurements pooled = new Measurements();
    for (String report : args) {
      read(Files.readAllLines(Path.of(report)), pooled);
    }
    System.out.print(summary(pooled));
  }

  /** Adds the two arms' raw values of one report's lines to {@code into}. */
  static void read(List<String> reportLines, Measurements into) {
    for (String line : reportLines) {
      for (String arm : List.of(ResultsReport.FIRST_CALL_METRICS_OFF, ResultsReport.FIRST_CALL_METRICS_ON)) {
        int at = line.indexOf(' ' + arm + ": ");
        if (at < 0) {
          continue;
        }
        Metric metric = Metric.valueOf(line.substring(0, at));
        for (String value : line.substring(at + arm.length() + 3).trim().split("\\s+")) {
          into.add(arm, metric, Double.parseDouble(value));
        }
      }
    }
  }

  /** The pairs' table and the issue 21 rows of the targets. */
  static String summary(Measurements pooled) {
    ResultsReport report = new ResultsReport(pooled,
        List.of(ResultsReport.FIRST_CALL_METRICS_OFF, ResultsReport.FIRST_CALL_METRICS_ON), "none", "vireo", "otel");
    String targets = report.targets().lines()
        .filter(row -> row.contains("(issue 21)"))
        .collect(Collectors.joining("\n", "", "\n"));
    return report.metricsStartup() + "\n" + targets;
  }
}
