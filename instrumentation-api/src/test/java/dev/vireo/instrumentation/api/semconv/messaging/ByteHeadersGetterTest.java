package dev.vireo.instrumentation.api.semconv.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated keys, missing values and a real propagator over a made-up list of byte headers. */
class ByteHeadersGetterTest {

  /** A header as Kafka has them: a key and a byte value (possibly null). */
  static final class Header {
    final String key;
    final byte[] value;

    Header(String key, String value) {
      this.key = key;
      this.value = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
  }

  private final ByteHeadersGetter<List<Header>, Header> getter =
      ByteHeadersGetter.<List<Header>, Header>of(message -> message, header -> header.key, header -> header.value);

  @Test
  void repeatedKeyGivesTheLastValueAndAllInOrder() {
    List<Header> message =
        Arrays.asList(new Header("baggage", "a=1"), new Header("other", "x"), new Header("baggage", "b=2"));

    assertThat(getter.get(message, "baggage")).isEqualTo("b=2");
    assertThat(getter.getAll(message, "baggage")).toIterable().containsExactly("a=1", "b=2");
    assertThat(getter.keys(message)).containsExactly("baggage", "other", "baggage");
    assertThat(getter.get(message, "missing")).isNull();
    assertThat(getter.getAll(message, "missing")).toIterable().isEmpty();
  }

  @Test
  void nullValuesAndNullCarrierReadAsAbsent() {
    List<Header> message = Arrays.asList(new Header("k", "v"), new Header("k", null));

    assertThat(getter.get(message, "k")).isNull();
    assertThat(getter.getAll(message, "k")).toIterable().containsExactly("v");
    assertThat(getter.get(null, "k")).isNull();
    assertThat(getter.getAll(null, "k")).toIterable().isEmpty();
    assertThat(getter.keys(null)).isEmpty();
  }

  @Test
  void propagatorExtractsTheContextWrittenLast() {
    String first = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    String last = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    List<Header> message = new ArrayList<>();
    message.add(new Header("traceparent", first));
    message.add(new Header("traceparent", last));

    SpanContext extracted =
        Span.fromContext(W3CTraceContextPropagator.getInstance().extract(Context.root(), message, getter))
            .getSpanContext();

    assertThat(extracted.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(extracted.getSpanId()).isEqualTo("00f067aa0ba902b7");
  }
}
