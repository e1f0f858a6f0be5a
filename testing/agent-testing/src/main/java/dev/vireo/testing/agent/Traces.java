package dev.vireo.testing.agent;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * Finished spans grouped by trace: traces ordered by their earliest start, spans in each trace
 * ordered parents first (then by start time), so tests can say {@code trace(0).span(1)}.
 */
public final class Traces {

  private final List<Trace> traces;

  private Traces(List<Trace> traces) {
    this.traces = traces;
  }

  public static Traces of(List<SpanData> spans) {
    Map<String, List<SpanData>> byTrace = new LinkedHashMap<>();
    List<SpanData> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
    for (SpanData span : sorted) {
      byTrace.computeIfAbsent(span.getTraceId(), id -> new ArrayList<>()).add(span);
    }
    List<Trace> traces = new ArrayList<>();
    for (List<SpanData> traceSpans : byTrace.values()) {
      traces.add(new Trace(parentsFirst(traceSpans)));
    }
    return new Traces(Collections.unmodifiableList(traces));
  }

  /** Depth-first from the roots (spans whose parent is not in this list), children by start time. */
  private static List<SpanData> parentsFirst(List<SpanData> spans) {
    Set<String> ids = new HashSet<>();
    for (SpanData span : spans) {
      ids.add(span.getSpanId());
    }
    Map<String, List<SpanData>> children = new HashMap<>();
    List<SpanData> roots = new ArrayList<>();
    for (SpanData span : spans) {
      if (span.getParentSpanContext().isValid() && ids.contains(span.getParentSpanId())) {
        children.computeIfAbsent(span.getParentSpanId(), id -> new ArrayList<>()).add(span);
      } else {
        roots.add(span);
      }
    }
    List<SpanData> ordered = new ArrayList<>();
    for (SpanData root : roots) {
      addTree(root, children, ordered);
    }
    return Collections.unmodifiableList(ordered);
  }

  private static void addTree(SpanData span, Map<String, List<SpanData>> children, List<SpanData> out) {
    out.add(span);
    for (SpanData child : children.getOrDefault(span.getSpanId(), Collections.emptyList())) {
      addTree(child, children, out);
    }
  }

  public int size() {
    return traces.size();
  }

  public Trace trace(int index) {
    if (index >= traces.size()) {
      throw new AssertionError("no trace " + index + "; traces: " + this);
    }
    return traces.get(index);
  }

  public List<Trace> all() {
    return traces;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < traces.size(); i++) {
      out.append("\n trace ").append(i).append(':').append(traces.get(i));
    }
    return out.length() == 0 ? "(none)" : out.toString();
  }
}
