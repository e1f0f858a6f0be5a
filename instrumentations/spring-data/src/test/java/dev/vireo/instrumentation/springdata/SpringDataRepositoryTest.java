package dev.vireo.instrumentation.springdata;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testapp.springdata.Item;
import dev.vireo.testapp.springdata.ItemRepository;
import dev.vireo.testapp.springdata.ItemsApplication;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Spring Data JPA repositories with the agent attached: each call of the repository's proxy is an INTERNAL span
 * {@code ItemRepository.{method}}, child of the caller's span and parent of the JDBC spans it causes, as the
 * OpenTelemetry agent makes it. One Spring context for the class.
 */
@ExtendWith(AgentTestingExtension.class)
class SpringDataRepositoryTest {

  private static ConfigurableApplicationContext context;
  private static ItemRepository items;

  @BeforeAll
  static void startContext() {
    context =
        new SpringApplicationBuilder(ItemsApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.main.banner-mode=off",
                "spring.datasource.url=jdbc:h2:mem:springdata;DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto=create-drop",
                "spring.jpa.open-in-view=false")
            .run();
    items = context.getBean(ItemRepository.class);
  }

  @AfterAll
  static void closeContext() {
    context.close();
  }

  @Test
  void eachRepositoryCallIsAnInternalSpanAroundItsQueries() {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    Long id;
    try (Scope ignored = parent.makeCurrent()) {
      id = items.save(new Item("kettle")).getId();
      assertThat(items.findById(id)).isPresent();
      assertThat(items.findByName("kettle")).extracting(Item::getName).containsExactly("kettle");
    } finally {
      parent.end();
    }

    List<SpanData> spans = AgentTesting.waitForSpans(7).trace(0).spans();
    List<SpanData> repositorySpans =
        spans.stream()
            .filter(span -> span.getInstrumentationScopeInfo().getName().equals("dev.vireo.spring-data"))
            .collect(Collectors.toList());
    assertThat(repositorySpans).allSatisfy(span -> assertThat(span).hasKind(SpanKind.INTERNAL));
    assertThat(repositorySpans).extracting(SpanData::getName)
        .containsExactly("ItemRepository.save", "ItemRepository.findById", "ItemRepository.findByName");
    for (SpanData span : repositorySpans) {
      String method = span.getName().substring("ItemRepository.".length());
      assertThat(span)
          .hasParentSpanId(parent.getSpanContext().getSpanId())
          .hasStatus(StatusData.unset())
          .hasAttributesSatisfyingExactly(
              equalTo(stringKey("code.namespace"), ItemRepository.class.getName()),
              equalTo(stringKey("code.function"), method));
    }
    // every query runs inside the repository call that caused it
    List<SpanData> queries = ofKind(spans, SpanKind.CLIENT);
    assertThat(queries).extracting(SpanData::getName).containsExactly("insert item", "select item", "select item");
    for (int i = 0; i < queries.size(); i++) {
      assertThat(queries.get(i)).hasParentSpanId(repositorySpans.get(i).getSpanId());
    }
  }

  @Test
  void aFailingCallEndsItsSpanWithTheErrorAndThrowsItUnchanged() {
    assertThatThrownBy(() -> items.deleteById(-1L)).isInstanceOf(EmptyResultDataAccessException.class);

    SpanData span =
        AgentTesting.waitForSpans(1).all().stream()
            .flatMap(trace -> trace.spans().stream())
            .filter(s -> s.getName().equals("ItemRepository.deleteById"))
            .findFirst()
            .orElseThrow(AssertionError::new);
    assertThat(span)
        .hasKind(SpanKind.INTERNAL)
        .hasNoParent()
        .hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(stringKey("exception.type"), EmptyResultDataAccessException.class.getName())));
  }

  private static List<SpanData> ofKind(List<SpanData> spans, SpanKind kind) {
    return spans.stream().filter(span -> span.getKind() == kind).collect(Collectors.toList());
  }
}
