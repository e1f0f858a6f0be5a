package dev.vireo.instrumentation.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs twice (see the pom): in the default surefire execution, where message events are on, and in
 * one that sets {@code otel.instrumentation.grpc.emit-message-events=false}.
 */
@ExtendWith(AgentTestingExtension.class)
class MessageEventsTest {

  private static final boolean ON =
      Boolean.parseBoolean(System.getProperty("otel.instrumentation.grpc.emit-message-events", "true"));

  @Test
  void bidiCallRecordsEveryMessageInBothDirectionsOnBothSidesUnlessSwitchedOff() throws Exception {
    InventoryService service = new InventoryService();
    Server server = InProcessServerBuilder.forName("vireo-events").addService(service.definition()).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName("vireo-events").build();
    try {
      CompletableFuture<String> done = new CompletableFuture<>();
      StreamObserver<String> requests =
          ClientCalls.asyncBidiStreamingCall(
              channel.newCall(InventoryService.CHAT, CallOptions.DEFAULT), GrpcTransportScenarios.observer(done));
      requests.onNext("a");
      requests.onNext("b");
      requests.onCompleted();
      assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo("echo b");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    SpanData client = trace.get(0);
    SpanData served = trace.get(1);
    assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(served.getKind()).isEqualTo(SpanKind.SERVER);
    List<String> expected = ON ? List.of("RECEIVED 1", "RECEIVED 2", "SENT 1", "SENT 2") : List.of();
    assertThat(messages(client)).isEqualTo(expected);
    assertThat(messages(served)).isEqualTo(expected);
  }

  /** "TYPE id" of each message event, sorted: the two directions interleave freely. */
  private static List<String> messages(SpanData span) {
    assertThat(span.getEvents()).allSatisfy(e -> assertThat(e.getName()).isEqualTo("message"));
    assertThat(span.getEvents()).allSatisfy(e -> assertThat(e.getAttributes().size()).isEqualTo(2));
    return span.getEvents().stream()
        .map(MessageEventsTest::describe)
        .sorted()
        .collect(Collectors.toList());
  }

  private static String describe(EventData event) {
    return event.getAttributes().get(AttributeKey.stringKey("message.type"))
        + " "
        + event.getAttributes().get(AttributeKey.longKey("message.id"));
  }
}
