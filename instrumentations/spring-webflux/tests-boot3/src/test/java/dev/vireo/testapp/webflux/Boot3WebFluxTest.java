package dev.vireo.testapp.webflux;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The WebFlux scenarios on Spring Boot 3 (Spring Framework 6, Reactor Netty 1.2, Reactor 3.7); here the
 * shop also publishes to a real Kafka broker (in-process KRaft, one for the class) from a handler.
 */
class Boot3WebFluxTest extends WebFluxScenarios {

  private KafkaTestBroker kafka;

  @Override
  protected String[] beforeShopStarts() throws Exception {
    kafka = KafkaTestBroker.start();
    kafka.createTopic(OrderEventsController.TOPIC, 1);
    return new String[] {"--shop.kafka.bootstrap-servers=" + kafka.bootstrapServers()};
  }

  @Override
  protected void afterShopStopped() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void jdbcWebClientAndKafkaInOneHandlerAreOneTraceUnderTheServerSpan() throws Exception {
    RawHttp.Response response = RawHttp.get(port(), "/orders/42/publish");
    assertThat(response.status()).isEqualTo(200);
    Matcher published = response.lines().stream()
        .map(Pattern.compile("published 42 widget stock 42 at offset (\\d+)")::matcher)
        .filter(Matcher::find)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no publish confirmation in " + response.lines()));
    long offset = Long.parseLong(published.group(1));

    List<SpanData> spans = oneTrace(5);
    SpanData server = byName(spans, "GET /orders/{id}/publish");
    SpanData query = byName(spans, "SELECT items");
    SpanData client = byName(spans, "GET");
    SpanData downstream = byName(spans, "GET /stock/{sku}");
    SpanData send = byName(spans, "send " + OrderEventsController.TOPIC);
    assertThat(server.getParentSpanContext().isValid()).isFalse();
    assertThat(query.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(downstream.getParentSpanId()).isEqualTo(client.getSpanId());
    // published from boundedElastic after the WebClient response (an event-loop callback): still the handler's child
    OpenTelemetryAssertions.assertThat(send)
        .hasKind(SpanKind.PRODUCER)
        .hasParentSpanId(server.getSpanId())
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "kafka"),
            equalTo(stringKey("messaging.destination.name"), OrderEventsController.TOPIC),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "send"),
            equalTo(stringKey("messaging.destination.partition.id"), "0"),
            equalTo(longKey("messaging.kafka.offset"), offset),
            equalTo(stringKey("messaging.kafka.message.key"), "42"),
            equalTo(stringKey("messaging.kafka.cluster.id"), kafka.clusterId()),
            equalTo(stringKey("messaging.client.id"), OrderEventsController.CLIENT_ID));
    // the response waited for the broker's acknowledgement: the SERVER span outlasts the send
    assertThat(server.getEndEpochNanos()).isGreaterThanOrEqualTo(send.getEndEpochNanos());
  }
}
