package dev.vireo.instrumentation.executors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Test spans: a parent made current around a submission, children made inside tasks. */
final class Spans {

  private static final Tracer TRACER = VireoTelemetry.get().getTracer("executors-test");

  private Spans() {}

  /** Runs {@code submit} with a span "parent" current, then ends it. */
  static <T> T underParent(Callable<T> submit) throws Exception {
    Span parent = TRACER.spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      return submit.call();
    } finally {
      parent.end();
    }
  }

  /** A span made inside a task; returns whether a context was current when it started. */
  static boolean child(String name) {
    boolean hadContext = Context.current() != Context.root();
    TRACER.spanBuilder(name).startSpan().end();
    return hadContext;
  }

  /** Waits for "parent" and the named children and asserts each child's parent is "parent". */
  static void assertChildrenOfParent(String... children) {
    List<SpanData> spans = AgentTesting.waitForSpans(children.length + 1).trace(0).spans();
    assertThat(spans).hasSize(children.length + 1);
    SpanData parent = spans.stream().filter(s -> s.getName().equals("parent")).findFirst().orElseThrow();
    List<SpanData> others = spans.stream().filter(s -> s != parent).collect(Collectors.toList());
    assertThat(others).extracting(SpanData::getName).containsExactlyInAnyOrder(children);
    for (SpanData child : others) {
      assertThat(child.getParentSpanId()).as(child.getName()).isEqualTo(parent.getSpanId());
      assertThat(child.getTraceId()).as(child.getName()).isEqualTo(parent.getTraceId());
    }
  }

  /** Collects garbage until the reference is cleared; false if it stays reachable. */
  static boolean collected(WeakReference<?> reference) throws InterruptedException {
    for (int i = 0; i < 50 && reference.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    return reference.get() == null;
  }
}
