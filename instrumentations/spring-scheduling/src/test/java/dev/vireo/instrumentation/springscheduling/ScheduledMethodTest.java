package dev.vireo.instrumentation.springscheduling;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import dev.vireo.testapp.springscheduling.Jobs;
import dev.vireo.testapp.springscheduling.JobsConfiguration;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code @Scheduled} methods with the agent attached: each run is an INTERNAL root span {@code Jobs.{method}} with
 * the code attributes, current while the method runs; a run that throws ends it as an error with the exception. The
 * same sources run against Spring 5.3 (this module), 6.2 and 7 ({@code spring-scheduling-6-tests}, {@code -7-tests}).
 * One context.
 */
@ExtendWith(AgentTestingExtension.class)
class ScheduledMethodTest {

  private static AnnotationConfigApplicationContext context;

  @BeforeAll
  static void startContext() {
    context = new AnnotationConfigApplicationContext(JobsConfiguration.class);
  }

  @AfterAll
  static void closeContext() {
    context.close();
  }

  @Test
  void eachRunIsARootSpanCurrentWhileTheMethodRuns() {
    SpanData run = firstSpanNamed("Jobs.tick");

    assertThat(run)
        .hasKind(SpanKind.INTERNAL)
        .hasNoParent()
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), Jobs.class.getName()), equalTo(stringKey("code.function"), "tick"));
    assertThat(Jobs.CURRENT_IN_TICK).anySatisfy(current -> assertThat(current).isEqualTo(run.getSpanContext()));
  }

  @Test
  void aRunThatThrowsIsAnErrorWithTheException() {
    SpanData run = firstSpanNamed("Jobs.fail");

    assertThat(run)
        .hasKind(SpanKind.INTERNAL)
        .hasNoParent()
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), Jobs.class.getName()), equalTo(stringKey("code.function"), "fail"))
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(stringKey("exception.type"), IllegalStateException.class.getName()),
                        equalTo(stringKey("exception.message"), "job failed")));
  }

  private static SpanData firstSpanNamed(String name) {
    return AgentTesting.waitFor(
            spans -> spans.stream().anyMatch(span -> span.getName().equals(name)), Duration.ofSeconds(10), name)
        .all().stream()
        .flatMap(trace -> trace.spans().stream())
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(IllegalStateException::new);
  }
}
