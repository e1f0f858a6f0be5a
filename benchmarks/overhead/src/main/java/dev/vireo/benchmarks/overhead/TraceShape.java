package dev.vireo.benchmarks.overhead;

import dev.vireo.testing.otlp.ReceivedSpan;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One trace written as its tree of kinds and names, e.g. {@code SERVER "GET /proxy" { CLIENT "GET" }}, so the report
 * can show what each agent made of the same request. A span whose parent was not received is shown as a root with
 * "(parent missing)".
 */
final class TraceShape {

  private TraceShape() {}

  static String describe(List<ReceivedSpan> spans) {
    if (spans.isEmpty()) {
      return "no spans";
    }
    List<ReceivedSpan> byStart =
        spans.stream().sorted(Comparator.comparingLong(ReceivedSpan::startEpochNanos)).toList();
    Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
    return byStart.stream()
        .filter(span -> !ids.contains(span.parentSpanId()))
        .map(span -> node(span, byStart) + (span.isRoot() ? "" : " (parent missing)"))
        .collect(Collectors.joining("; "));
  }

  private static String node(ReceivedSpan span, List<ReceivedSpan> byStart) {
    String children = byStart.stream()
        .filter(child -> child.parentSpanId().equals(span.spanId()))
        .map(child -> node(child, byStart))
        .collect(Collectors.joining(", "));
    return span.kind() + " \"" + span.name() + "\"" + (children.isEmpty() ? "" : " { " + children + " }");
  }
}
