package dev.vireo.instrumentation.reactor;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testapp.reactor.Catalog;
import dev.vireo.testapp.reactor.Quotes;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code @WithSpan} (and method includes) on methods returning a {@code Mono} or {@code Flux}: the span
 * ends when the returned publisher terminates, and work in its operators is under it. The surefire
 * configuration turns {@code otel.instrumentation.reactor.experimental-span-attributes} on.
 */
@ExtendWith(AgentTestingExtension.class)
class ReactorWithSpanTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String QUOTES = "dev.vireo.testapp.reactor.Quotes";

  private final Quotes quotes = new Quotes();

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void monoSpanEndsAfterItsDelayedValueAndParentsTheOperatorsWork() {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    Mono<String> quote;
    try (Scope ignored = parent.makeCurrent()) {
      quote = quotes.quote("lamp", Duration.ofMillis(50));
    }
    // ended at return it would be exported now
    assertThat(AgentTesting.spans()).isEmpty();
    assertThat(quote.block(TIMEOUT)).isEqualTo("price of lamp");
    parent.end();

    Traces traces = AgentTesting.waitForSpans(3);
    assertThat(traces.size()).isEqualTo(1);
    List<SpanData> spans = traces.trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData method = named(spans, "Quotes.quote");
    SpanData lookup = named(spans, "price-lookup");
    assertThat(method.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(lookup.getParentSpanId()).isEqualTo(method.getSpanId());
    assertThat(method.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(method.getEvents()).isEmpty();
    assertThat(method.getAttributes().asMap())
        .containsOnlyKeys(stringKey("code.namespace"), stringKey("code.function"), stringKey("item"));
    assertThat(method.getAttributes().get(stringKey("item"))).isEqualTo("lamp");
    assertThat(method.getEndEpochNanos()).isGreaterThanOrEqualTo(lookup.getEndEpochNanos());
    assertThat(method.getEndEpochNanos() - method.getStartEpochNanos())
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
  }

  @Test
  void callersOperatorsAfterATracedMonoInsideFlatMapAreUnderTheCallersSpan() {
    // the traced Mono's value comes on a timer thread in the method's context; the caller's map must not see it
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      String result = Mono.just("desk")
          .flatMap(item -> quotes.quote(item, Duration.ofMillis(5)))
          .map(price -> {
            Quotes.child("after-quote");
            return price;
          })
          .block(TIMEOUT);
      assertThat(result).isEqualTo("price of desk");
    } finally {
      parent.end();
    }

    List<SpanData> spans = AgentTesting.waitForSpans(4).trace(0).spans();
    assertThat(spans).hasSize(4);
    SpanData method = named(spans, "Quotes.quote");
    assertThat(named(spans, "price-lookup").getParentSpanId()).isEqualTo(method.getSpanId());
    assertThat(named(spans, "after-quote").getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
  }

  @Test
  void fluxSpanEndsOnCompletionWithEveryPublishOnStageUnderIt() {
    assertThat(quotes.lines(3).collectList().block(TIMEOUT)).containsExactly(1, 2, 3);

    List<SpanData> spans = AgentTesting.waitForSpans(4).trace(0).spans();
    assertThat(spans).hasSize(4);
    SpanData method = named(spans, "Quotes.lines");
    assertThat(method.getParentSpanContext().isValid()).isFalse();
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    for (String line : new String[] {"line-1", "line-2", "line-3"}) {
      SpanData child = named(spans, line);
      assertThat(child.getParentSpanId()).as(line).isEqualTo(method.getSpanId());
      assertThat(method.getEndEpochNanos()).as(line).isGreaterThanOrEqualTo(child.getEndEpochNanos());
    }
  }

  @Test
  void errorIsRecordedWhenThePublisherFails() {
    Mono<String> failing = quotes.outOfStock();
    assertThat(AgentTesting.spans()).isEmpty();
    assertThatThrownBy(() -> failing.block(TIMEOUT)).isInstanceOf(IllegalStateException.class).hasMessage("out of stock");

    SpanData method = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(method.getName()).isEqualTo("Quotes.outOfStock");
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(method.getEvents()).hasSize(1);
    assertThat(method.getEvents().get(0).getName()).isEqualTo("exception");
    assertThat(method.getEvents().get(0).getAttributes().get(stringKey("exception.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(method.getEvents().get(0).getAttributes().get(stringKey("exception.message"))).isEqualTo("out of stock");
    assertThat(method.getEndEpochNanos() - method.getStartEpochNanos())
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
  }

  @Test
  void cancellationEndsTheSpanMarkedCanceledWithoutError() {
    assertThat(quotes.ticks().take(3).collectList().block(TIMEOUT)).containsExactly(0L, 1L, 2L);

    SpanData method = AgentTesting.waitForTraces(1).trace(0).get(0);
    AgentTesting.waitForTraces(1).trace(0).span(0)
        .hasName("Quotes.ticks")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), QUOTES),
            equalTo(stringKey("code.function"), "ticks"),
            equalTo(booleanKey("reactor.canceled"), true));
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(method.getEvents()).isEmpty();
  }

  @Test
  void emptyMonoEndsOnCompletion() {
    assertThat(quotes.emptyQuote().block(TIMEOUT)).isNull();
    SpanData method = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(method.getName()).isEqualTo("Quotes.emptyQuote");
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void methodDeclaredToReturnAPublisherIsWrappedToo() {
    Publisher<String> published = quotes.asPublisher();
    assertThat(AgentTesting.spans()).isEmpty();
    assertThat(Mono.from(published).block(TIMEOUT)).isEqualTo("published");

    List<SpanData> spans = AgentTesting.waitForSpans(2).trace(0).spans();
    assertThat(spans).hasSize(2);
    assertThat(named(spans, "callable").getParentSpanId()).isEqualTo(named(spans, "Quotes.asPublisher").getSpanId());
  }

  @Test
  void methodDeclaredToReturnItsOwnMonoSubclassKeepsItsResultAndEndsAtReturn() {
    Quotes.FixedQuote fixed = quotes.fixed();
    // ended at return: exported before anything subscribed
    SpanData method = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(method.getName()).isEqualTo("Quotes.fixed");
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(fixed.block(TIMEOUT)).isEqualTo("fixed");
  }

  @Test
  void secondSubscriptionRunsUnderTheSameSpanWhichEndsOnce() {
    Mono<String> quote = quotes.quote("desk", Duration.ofMillis(1));
    assertThat(quote.block(TIMEOUT)).isEqualTo("price of desk");
    assertThat(quote.block(TIMEOUT)).isEqualTo("price of desk");

    List<SpanData> spans = AgentTesting.waitForSpans(3).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData method = named(spans, "Quotes.quote");
    List<SpanData> lookups = spans.stream().filter(s -> s != method).collect(Collectors.toList());
    assertThat(lookups).extracting(SpanData::getName).containsExactly("price-lookup", "price-lookup");
    assertThat(lookups).allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(method.getSpanId()));
  }

  @Test
  void neverSubscribedPublisherExportsNoSpanAndHoldsNothing() {
    quotes.quote("chair", Duration.ofMillis(1));
    quotes.marker();
    // the marker's trace is exported; the unsubscribed quote's span never is
    Traces traces = AgentTesting.waitForTraces(1);
    assertThat(traces.trace(0).get(0).getName()).isEqualTo("Quotes.marker");
    assertThat(AgentTesting.spans()).extracting(SpanData::getName).containsExactly("Quotes.marker");
  }

  @Test
  void includedMethodReturningAFluxEndsOnCompletion() {
    Flux<String> found = new Catalog().search("lamp");
    assertThat(AgentTesting.spans()).isEmpty();
    assertThat(found.collectList().block(TIMEOUT)).containsExactly("lamp-1", "lamp-2");

    List<SpanData> spans = AgentTesting.waitForSpans(3).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData method = named(spans, "Catalog.search");
    assertThat(method.getInstrumentationScopeInfo().getName()).isEqualTo("dev.vireo.methods");
    assertThat(named(spans, "lamp-1").getParentSpanId()).isEqualTo(method.getSpanId());
    assertThat(named(spans, "lamp-2").getParentSpanId()).isEqualTo(method.getSpanId());
    assertThat(method.getEndEpochNanos()).isGreaterThanOrEqualTo(named(spans, "lamp-2").getEndEpochNanos());
  }
}
