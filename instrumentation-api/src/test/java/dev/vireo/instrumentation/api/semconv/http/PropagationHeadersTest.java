package dev.vireo.instrumentation.api.semconv.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headers a span wants, written onto the request on the wire in the order set, the last value of a name winning. */
class PropagationHeadersTest {

  @Test
  void writesEachHeaderOnceInTheOrderSetWithTheLastValue() {
    PropagationHeaders headers = new PropagationHeaders();
    headers.set("traceparent", "00-a-b-01");
    headers.set("baggage", "k=v");
    headers.set("traceparent", "00-c-d-01");
    List<String> written = new ArrayList<>();
    headers.writeTo((name, value) -> written.add(name + ": " + value));
    assertThat(written).containsExactly("traceparent: 00-c-d-01", "baggage: k=v");
  }

  @Test
  void writesNothingWhenNothingWasSet() {
    List<String> written = new ArrayList<>();
    new PropagationHeaders().writeTo((name, value) -> written.add(name));
    assertThat(written).isEmpty();
  }
}
