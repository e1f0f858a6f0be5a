package dev.vireo.examples.demo;

import dev.vireo.testing.otlp.ReceivedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the spans of one trace as an indented tree: service, name, kind, duration, key attributes, and under
 * each span the log lines the service wrote while it was current.
 */
final class TraceTree {

  private static final List<String> KEY_ATTRIBUTES =
      List.of(
          "http.request.method", "http.route", "url.full", "http.response.status_code", "db.system.name",
          "db.query.text", "rpc.method", "rpc.grpc.status_code", "messaging.destination.name",
          "messaging.operation.type", "error.type");

  private TraceTree() {}

  static String render(List<ReceivedSpan> spans) {
    return render(spans, Map.of());
  }

  static String render(List<ReceivedSpan> spans, Map<String, List<String>> logLines) {
    Set<String> ids = new HashSet<>();
    spans.forEach(span -> ids.add(span.spanId()));
    Map<String, List<ReceivedSpan>> children = new HashMap<>();
    List<ReceivedSpan> roots = new ArrayList<>();
    for (ReceivedSpan span : spans) {
      if (!span.isRoot() && ids.contains(span.parentSpanId())) {
        children.computeIfAbsent(span.parentSpanId(), id -> new ArrayList<>()).add(span);
      } else {
        roots.add(span);
      }
    }
    Comparator<ReceivedSpan> byStart = Comparator.comparingLong(ReceivedSpan::startEpochNanos);
    roots.sort(byStart);
    children.values().forEach(list -> list.sort(byStart));
    StringBuilder out = new StringBuilder("trace ").append(spans.get(0).traceId()).append('\n');
    for (ReceivedSpan root : roots) {
      append(out, root, children, logLines, "", true);
    }
    return out.toString();
  }

  private static void append(
      StringBuilder out,
      ReceivedSpan span,
      Map<String, List<ReceivedSpan>> children,
      Map<String, List<String>> logLines,
      String indent,
      boolean last) {
    out.append(indent).append(last ? "└─ " : "├─ ");
    out.append('[').append(span.resourceAttribute("service.name")).append("] ");
    out.append(span.name()).append(' ').append(span.kind());
    out.append(String.format(" %.1f ms", (span.endEpochNanos() - span.startEpochNanos()) / 1e6));
    if ("ERROR".equals(span.statusCode())) {
      out.append(" ERROR");
    }
    List<String> shown = new ArrayList<>();
    for (String key : KEY_ATTRIBUTES) {
      Object value = span.attribute(key);
      if (value != null) {
        shown.add(key + "=" + value);
      }
    }
    if (!shown.isEmpty()) {
      out.append("  ").append(String.join(" ", shown));
    }
    out.append('\n');
    List<ReceivedSpan> kids = children.getOrDefault(span.spanId(), List.of());
    String childIndent = indent + (last ? "   " : "│  ");
    for (String line : logLines.getOrDefault(span.spanId(), List.of())) {
      out.append(childIndent).append(kids.isEmpty() ? "   " : "│  ").append("log: ").append(line).append('\n');
    }
    for (int i = 0; i < kids.size(); i++) {
      append(out, kids.get(i), children, logLines, childIndent, i == kids.size() - 1);
    }
  }
}
