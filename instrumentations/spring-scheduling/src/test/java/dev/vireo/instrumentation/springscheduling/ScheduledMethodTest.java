package dev.vireo.instrumentation.springscheduling;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import dev.vireo.testapp.springscheduling.CacheRefresh;
import dev.vireo.testapp.springscheduling.Jobs;
import dev.vireo.testapp.springscheduling.JobsConfiguration;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code @Scheduled} methods with the agent attached: each run is an INTERNAL root span {@code Jobs.{method}} with
 * the code attributes, current while the method runs (one span: the scheduler's wrapping of the task adds none); a
 * run that throws ends it as an error with the exception. A task the application schedules itself is a span {@code
 * CacheRefresh.run} per run. The
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
    SpanData run = AgentTesting.waitForSpanNamed("Jobs.tick");

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
    SpanData run = AgentTesting.waitForSpanNamed("Jobs.fail");

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

  @Test
  void aTaskTheApplicationSchedulesItselfIsASpanPerRunNamedAfterItsClass() {
    SpanData run = AgentTesting.waitForSpanNamed("CacheRefresh.run");

    assertThat(run)
        .hasKind(SpanKind.INTERNAL)
        .hasNoParent()
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), CacheRefresh.class.getName()), equalTo(stringKey("code.function"), "run"));
    assertThat(CacheRefresh.CURRENT_IN_RUN).anySatisfy(current -> assertThat(current).isEqualTo(run.getSpanContext()));
  }

  @Test
  void aLambdaTheApplicationSchedulesIsNamedAfterTheClassThatWroteIt() {
    SpanData run = AgentTesting.waitForSpanNamed("JobsConfiguration$$Lambda.run");

    assertThat(run).hasKind(SpanKind.INTERNAL).hasNoParent();
    // the lambda's own class, as the OpenTelemetry agent writes it: its number and address change from run to run
    assertThat(run.getAttributes().get(stringKey("code.namespace")))
        .startsWith(JobsConfiguration.class.getName() + "$$Lambda");
    assertThat(run.getAttributes().get(stringKey("code.function"))).isEqualTo("run");
    assertThat(JobsConfiguration.LAMBDA_RUNS).hasPositiveValue();
  }
}
