package dev.vireo.testing.agent;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.opentelemetry.sdk.testing.assertj.SpanDataAssert;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/** The spans of one trace, parents first: {@code trace.span(1).hasParent(trace.get(0))}. */
public final class Trace {

  private final List<SpanData> spans;

  Trace(List<SpanData> spans) {
    this.spans = spans;
  }

  /** AssertJ assertions on the span at {@code index}. */
  public SpanDataAssert span(int index) {
    return assertThat(get(index));
  }

  public SpanData get(int index) {
    if (index >= spans.size()) {
      throw new AssertionError("no span " + index + " in trace:" + this);
    }
    return spans.get(index);
  }

  public int size() {
    return spans.size();
  }

  public List<SpanData> spans() {
    return spans;
  }

  public String traceId() {
    return spans.get(0).getTraceId();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (SpanData span : spans) {
      out.append("\n   ")
          .append(span.getKind())
          .append(' ')
          .append(span.getName())
          .append(" id=")
          .append(span.getSpanId())
          .append(" parent=")
          .append(span.getParentSpanId())
          .append(' ')
          .append(span.getAttributes());
    }
    return out.toString();
  }
}
