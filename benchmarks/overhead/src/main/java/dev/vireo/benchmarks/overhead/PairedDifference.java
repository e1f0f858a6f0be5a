package dev.vireo.benchmarks.overhead;

import java.util.List;

/**
 * Mean of the differences {@code b[i] - a[i]} of paired runs and its 95 % confidence interval (Student's t with
 * {@code n - 1} degrees of freedom). Pairing takes out what two neighbouring runs share (machine load, page cache,
 * CPU frequency), which is most of the run-to-run noise of a start-up.
 */
record PairedDifference(int pairs, double mean, double standardDeviation, double low, double high) {

  /** t quantiles at 0.975 for 1 to 30 degrees of freedom. */
  private static final double[] T_975 = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

  static PairedDifference of(List<Double> a, List<Double> b) {
    int n = Math.min(a.size(), b.size());
    if (n < 2) {
      double mean = n == 1 ? b.get(0) - a.get(0) : Double.NaN;
      return new PairedDifference(n, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += b.get(i) - a.get(i);
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double d = b.get(i) - a.get(i) - mean;
      squares += d * d;
    }
    double sd = Math.sqrt(squares / (n - 1));
    double half = t975(n - 1) * sd / Math.sqrt(n);
    return new PairedDifference(n, mean, sd, mean - half, mean + half);
  }

  /**
   * The 0.975 quantile of Student's t: from the table up to 30 degrees of freedom, above that the Cornish-Fisher
   * expansion around the normal quantile (off by less than 1e-4 there).
   */
  static double t975(int degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException("degrees of freedom: " + degreesOfFreedom);
    }
    if (degreesOfFreedom <= T_975.length) {
      return T_975[degreesOfFreedom - 1];
    }
    double z = 1.959964;
    double v = degreesOfFreedom;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
  }
}
