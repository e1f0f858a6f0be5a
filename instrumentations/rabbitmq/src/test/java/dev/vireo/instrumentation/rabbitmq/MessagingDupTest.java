package dev.vireo.instrumentation.rabbitmq;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs in the surefire execution {@code messaging-dup} with
 * {@code otel.semconv-stability.opt-in=messaging/dup}: the current keys plus the older
 * {@code messaging.operation}, under the older span names ({@code {destination} publish}).
 */
@ExtendWith(AgentTestingExtension.class)
class MessagingDupTest {

  @Test
  void oldKeysAndNamesAlongsideTheCurrentOnes() throws Exception {
    assertThat(System.getProperty("otel.semconv-stability.opt-in")).isEqualTo("messaging/dup");
    String queue = "vireo-rabbitmq-dup-" + UUID.randomUUID().toString().substring(0, 8);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setUsername("guest");
    factory.setPassword("guest");
    GetResponse response = null;
    try (Connection connection = factory.newConnection()) {
      Channel channel = connection.createChannel();
      channel.queueDeclare(queue, false, true, false, null);
      channel.basicPublish("", queue, null, "dup".getBytes(StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (response == null && System.nanoTime() < deadline) {
        response = channel.basicGet(queue, true);
      }
    }
    assertThat(response).isNotNull();

    List<SpanData> spans =
        AgentTesting.waitForSpans(2).all().stream().flatMap(trace -> trace.spans().stream()).collect(Collectors.toList());
    assertThat(spans).hasSize(2);
    SpanData publish = spans.stream().filter(s -> s.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
    SpanData receive = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
    assertThat(publish)
        .hasName("(default) publish")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "rabbitmq"),
            equalTo(stringKey("messaging.destination.name"), "(default)"),
            equalTo(stringKey("messaging.operation.type"), "send"),
            equalTo(stringKey("messaging.operation.name"), "publish"),
            equalTo(stringKey("messaging.operation"), "publish"),
            equalTo(stringKey("messaging.rabbitmq.destination.routing_key"), queue));
    assertThat(receive)
        .hasName(queue + " receive")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("messaging.system"), "rabbitmq"),
            equalTo(stringKey("messaging.destination.name"), queue),
            equalTo(stringKey("messaging.operation.type"), "receive"),
            equalTo(stringKey("messaging.operation.name"), "receive"),
            equalTo(stringKey("messaging.operation"), "receive"),
            equalTo(longKey("messaging.message.body.size"), 3L),
            equalTo(stringKey("messaging.rabbitmq.destination.routing_key"), queue),
            equalTo(longKey("messaging.rabbitmq.message.delivery_tag"), response.getEnvelope().getDeliveryTag()));
  }
}
