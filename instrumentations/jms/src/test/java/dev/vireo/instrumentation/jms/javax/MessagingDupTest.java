package dev.vireo.instrumentation.jms.javax;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testlib.jms.javax.RecordingListener;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.jms.Connection;
import javax.jms.Queue;
import javax.jms.Session;
import javax.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs in the surefire execution {@code messaging-dup} with
 * {@code otel.semconv-stability.opt-in=messaging/dup}: the spans carry the current keys and the
 * OpenTelemetry agent's older ones, under the older span names.
 */
@ExtendWith(AgentTestingExtension.class)
class MessagingDupTest {

  @Test
  void oldKeysAndNamesAlongsideTheCurrentOnes() throws Exception {
    assertThat(System.getProperty("otel.semconv-stability.opt-in")).isEqualTo("messaging/dup");
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      Connection connection = broker.connect();
      try {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("dup");
        RecordingListener listener = new RecordingListener();
        session.createConsumer(queue).setMessageListener(listener);
        TextMessage sent = session.createTextMessage("dup");
        session.createProducer(queue).send(sent);
        assertThat(listener.currentSpans.poll(10, TimeUnit.SECONDS)).isNotNull();

        List<SpanData> spans = AgentTesting.waitForSpans(2).trace(0).spans();
        SpanData send = JmsTest.named(spans, "dup publish");
        assertThat(send)
            .hasKind(SpanKind.PRODUCER)
            .hasAttributesSatisfyingExactly(
                equalTo(stringKey("messaging.system"), "jms"),
                equalTo(stringKey("messaging.destination.name"), "dup"),
                equalTo(stringKey("messaging.operation.type"), "send"),
                equalTo(stringKey("messaging.operation.name"), "send"),
                equalTo(stringKey("messaging.operation"), "publish"),
                equalTo(stringKey("messaging.message.id"), sent.getJMSMessageID()));
        assertThat(JmsTest.named(spans, "dup process"))
            .hasKind(SpanKind.CONSUMER)
            .hasParent(send)
            .hasAttributesSatisfyingExactly(
                equalTo(stringKey("messaging.system"), "jms"),
                equalTo(stringKey("messaging.destination.name"), "dup"),
                equalTo(stringKey("messaging.operation.type"), "process"),
                equalTo(stringKey("messaging.operation.name"), "process"),
                equalTo(stringKey("messaging.operation"), "process"),
                equalTo(stringKey("messaging.message.id"), sent.getJMSMessageID()));
      } finally {
        connection.close();
      }
    }
  }
}
