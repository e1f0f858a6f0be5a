package dev.vireo.benchmarks.overhead;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every value of every run, per agent and metric; the table shows medians so one disturbed run cannot decide. */
final class Measurements {

  private final Map<String, Map<Metric, List<Double>>> values = new LinkedHashMap<>();

  synchronized void add(String agent, Metric metric, double value) {
    values.computeIfAbsent(agent, a -> new EnumMap<>(Metric.class))
        .computeIfAbsent(metric, m -> new ArrayList<>())
        .add(value);
  }

  synchronized double median(String agent, Metric metric) {
    List<Double> list = values.getOrDefault(agent, Map.of()).get(metric);
    if (list == null || list.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(list);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  synchronized List<Double> all(String agent, Metric metric) {
    return List.copyOf(values.getOrDefault(agent, Map.of()).getOrDefault(metric, List.of()));
  }

  /** The value added last, NaN when none was. */
  synchronized double last(String agent, Metric metric) {
    List<Double> list = values.getOrDefault(agent, Map.of()).get(metric);
    return list == null || list.isEmpty() ? Double.NaN : list.get(list.size() - 1);
  }
}
