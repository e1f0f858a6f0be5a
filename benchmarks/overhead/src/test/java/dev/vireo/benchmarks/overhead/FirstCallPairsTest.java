package dev.vireo.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics and the report of the first-traced-call pairs (issue 21's start-up budget). */
class FirstCallPairsTest {

  @Test
  void tQuantilesFromTheTableAndTheExpansion() {
    assertThat(PairedDifference.t975(1)).isEqualTo(12.706);
    assertThat(PairedDifference.t975(30)).isEqualTo(2.042);
    // published values: t(0.975; 31) = 2.0395, 39 = 2.0227, 60 = 2.0003, 120 = 1.9799
    assertThat(PairedDifference.t975(31)).isCloseTo(2.0395, within(2e-4));
    assertThat(PairedDifference.t975(39)).isCloseTo(2.0227, within(2e-4));
    assertThat(PairedDifference.t975(60)).isCloseTo(2.0003, within(2e-4));
    assertThat(PairedDifference.t975(120)).isCloseTo(1.9799, within(2e-4));
  }

  @Test
  void theOffArmSwitchesOffTheExportOrOnlyTheRuntimeMetrics() {
    assertThat(MetricsOffArm.of("export").settings()).containsExactly("otel.metrics.exporter=none");
    // later -D settings win: the off arm's come after the defaults, as the on arm's do
    assertThat(MetricsOffArm.of("Runtime").settings()).containsExactly("otel.metrics.exporter=otlp",
        "otel.metric.export.interval=60000", "otel.instrumentation.runtime-telemetry.enabled=false");
    assertThat(MetricsOffArm.ON_SETTINGS).containsExactly("otel.metrics.exporter=otlp",
        "otel.metric.export.interval=60000");
    assertThatThrownBy(() -> MetricsOffArm.of("jvm")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("export or runtime");
  }

  @Test
  void meanAndIntervalOfPairedDifferences() {
    // differences 1, 3, 5, 7: mean 4, sd sqrt(20/3), half-width t(3) * sd / 2
    PairedDifference d = PairedDifference.of(List.of(100.0, 200.0, 300.0, 400.0), List.of(101.0, 203.0, 305.0, 407.0));

    double half = 3.182 * Math.sqrt(20.0 / 3) / 2;
    assertThat(d.pairs()).isEqualTo(4);
    assertThat(d.mean()).isEqualTo(4.0);
    assertThat(d.standardDeviation()).isCloseTo(Math.sqrt(20.0 / 3), within(1e-12));
    assertThat(d.low()).isCloseTo(4 - half, within(1e-12));
    assertThat(d.high()).isCloseTo(4 + half, within(1e-12));
  }

  @Test
  void onePairHasAMeanButNoInterval() {
    PairedDifference d = PairedDifference.of(List.of(10.0), List.of(15.0));

    assertThat(d.mean()).isEqualTo(5.0);
    assertThat(d.high()).isNaN();
  }

  @Test
  void budgetMetWhenTheWholeIntervalIsWithin20MsAndNotShownWhenItReachesPast() {
    Measurements m = new Measurements();
    double[] off = {1000, 1100, 1050, 990};
    double[] wallOn = {1010, 1112, 1058, 1000}; // differences 10, 12, 8, 10: CI [7.40, 12.6]
    double[] cpuOn = {1000, 1160, 1050, 1030}; // differences 0, 60, 0, 40: CI reaches from below 0 to above 20
    for (int i = 0; i < off.length; i++) {
      m.add(ResultsReport.FIRST_CALL_METRICS_OFF, Metric.FIRST_CALL_WALL, off[i]);
      m.add(ResultsReport.FIRST_CALL_METRICS_ON, Metric.FIRST_CALL_WALL, wallOn[i]);
      m.add(ResultsReport.FIRST_CALL_METRICS_OFF, Metric.FIRST_CALL_CPU, off[i]);
      m.add(ResultsReport.FIRST_CALL_METRICS_ON, Metric.FIRST_CALL_CPU, cpuOn[i]);
    }
    ResultsReport report = new ResultsReport(m, "none", "vireo", "otel");

    String targets = report.targets();

    assertThat(targets).contains("| JVM metrics: added start-up to the first traced call, wall (issue 21) "
        + "| ≤ +20.0 ms (upper end of the 95 % CI) | +10.0 ms, CI [+7.40, +12.6] (4 pairs) | met |");
    assertThat(targets).contains("| JVM metrics: added process CPU by the first traced call's completion (issue 21) "
        + "| ≤ +20.0 ms (upper end of the 95 % CI) | +25.0 ms, CI [-22.7, +72.7] (4 pairs) | **not shown**");
    assertThat(report.metricsStartup())
        .contains("| First traced call: JVM launch to the call's completion, wall (ms) | 1035 | 1045 | +10.0 "
            + "| [+7.40, +12.6] | 4 |")
        .doesNotContain("calling thread");
  }

  @Test
  void budgetMissedWhenTheWholeIntervalIsAbove() {
    Measurements m = new Measurements();
    addPairs(m, Metric.FIRST_CALL_WALL, 1000, 50, 52, 48, 50);

    String targets = new ResultsReport(m, "none", "vireo", "otel").targets();

    assertThat(targets).contains("| +50.0 ms, CI [+47.4, +52.6] (4 pairs) | **missed**: over by at least 27.4 ms |");
  }

  @Test
  void processCpuWithoutTheCompilerThreadsHasItsOwnRow() {
    Measurements m = new Measurements();
    addPairs(m, Metric.FIRST_CALL_CPU_NO_JIT, 2000, 9, 11, 10, 10);
    addPairs(m, Metric.FIRST_CALL_WALL, 1000, 0); // the section needs a wall figure
    ResultsReport report = new ResultsReport(m, "none", "vireo", "otel");

    assertThat(report.targets()).contains("| JVM metrics: the same without the JIT compiler threads (issue 21) "
        + "| ≤ +20.0 ms (upper end of the 95 % CI) | +10.0 ms, CI [+8.70, +11.3] (4 pairs) | met |");
    assertThat(report.metricsStartup()).contains(
        "| First traced call: process CPU by then without the JIT compiler threads (ms) | 2000 | 2010 | +10.0 "
            + "| [+8.70, +11.3] | 4 |");
  }

  /** One pair per difference: {@code off} with metrics off, {@code off + difference} with them on. */
  private static void addPairs(Measurements m, Metric metric, double off, double... differences) {
    for (double difference : differences) {
      m.add(ResultsReport.FIRST_CALL_METRICS_OFF, metric, off);
      m.add(ResultsReport.FIRST_CALL_METRICS_ON, metric, off + difference);
    }
  }

  @Test
  void compilerThreadsAreReadFromProc() {
    // -1 would mean /proc could not be read; 0 is possible (10 ms ticks)
    assertThat(FirstTracedCallMain.compilerCpuMillis()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void noPairsNoSectionAndNoRow() {
    ResultsReport report = new ResultsReport(new Measurements(), "none", "vireo", "otel");

    assertThat(report.metricsStartup()).isEmpty();
    assertThat(report.targets()).doesNotContain("issue 21");
  }

  @Test
  void schedstatRunTimeIsItsFirstField() {
    assertThat(FirstTracedCallMain.parseSchedstat("925134 6914475 2\n")).isEqualTo(925134L);
    assertThat(FirstTracedCallMain.threadCpuNanos()).isPositive();
  }

  @Test
  void pooledReportsAreOneSampleOfAllTheirPairs() {
    Measurements pooled = new Measurements();
    PooledPairs.read(List.of(
        "FIRST_CALL_WALL Vireo, metrics off (first call): 1000 1100 ",
        "FIRST_CALL_WALL Vireo, metrics on (first call): 1010 1112 ",
        "JAR_SIZE Vireo: 5.83 "), pooled);
    PooledPairs.read(List.of(
        "FIRST_CALL_WALL Vireo, metrics off (first call): 1050 990",
        "FIRST_CALL_WALL Vireo, metrics on (first call): 1058 1000"), pooled);

    // the differences 10, 12, 8, 10 of both reports: mean 10, CI [7.40, 12.6] as in one run of four pairs
    assertThat(pooled.all(ResultsReport.FIRST_CALL_METRICS_OFF, Metric.FIRST_CALL_WALL))
        .containsExactly(1000.0, 1100.0, 1050.0, 990.0);
    String summary = PooledPairs.summary(pooled);
    assertThat(summary).contains("| +10.0 | [+7.40, +12.6] | 4 |")
        .contains("added start-up to the first traced call, wall (issue 21)")
        .doesNotContain("Agent jar size");
  }
}
