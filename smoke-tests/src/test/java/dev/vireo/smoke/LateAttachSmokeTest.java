package dev.vireo.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.AgentJvm;
import dev.vireo.testing.otlp.ForkedJvm;
import dev.vireo.testing.otlp.OtlpReceiver;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classes loaded before the agent are retransformed when it is attached at run time (Agent-Class). */
class LateAttachSmokeTest {

  @Test
  void alreadyLoadedClassesAreInstrumented() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.open();
        RecordingServer server = new RecordingServer();
        ForkedJvm app =
            AgentJvm.builder()
                .classpath(Paths.get(System.getProperty("vireo.test.classes", "target/test-classes")))
                .mainClass("dev.vireo.smoke.apps.LateAttachApp")
                .jvmArgs("-Djdk.attach.allowAttachSelf=true")
                .systemProperty("otel.metrics.exporter", "none")
                .systemProperty("otel.exporter.otlp.endpoint", receiver.httpEndpoint())
                .args(server.url(""), SmokeEnvironment.agentJar().toString())
                .start()) {
      assertThat(app.waitFor(Duration.ofSeconds(60))).isZero();
      assertThat(app.stdout()).containsSubsequence("STATUS 200", "STATUS 200", "DONE");
      List<ReceivedSpan> spans = receiver.awaitSpans(s -> !s.isEmpty(), Duration.ofSeconds(10));
      assertThat(spans).singleElement().satisfies(span -> {
        assertThat(span.name()).isEqualTo("GET");
        assertThat(span.attribute("url.full")).isEqualTo(server.url("/after"));
      });
      assertThat(server.traceparents.get("/before")).containsExactly("");
      assertThat(server.traceparents.get("/after").get(0)).contains(spans.get(0).spanId());
    }
  }
}
