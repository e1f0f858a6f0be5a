package dev.vireo.instrumentation.springdata;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testapp.springdata4.Basket;
import dev.vireo.testapp.springdata4.BasketRepository;
import dev.vireo.testapp.springdata4.BasketsApplication;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The spring-data module, built against Spring Data 2.7, on Spring Data 4 with Hibernate 7 and the hibernate module:
 * a repository call's span, Hibernate's spans inside it and the JDBC spans inside those.
 */
@ExtendWith(AgentTestingExtension.class)
class SpringData4RepositoryTest {

  private static ConfigurableApplicationContext context;
  private static BasketRepository baskets;

  @BeforeAll
  static void startContext() {
    context =
        new SpringApplicationBuilder(BasketsApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.main.banner-mode=off",
                "spring.datasource.url=jdbc:h2:mem:springdata4;DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto=create-drop")
            .run();
    baskets = context.getBean(BasketRepository.class);
    baskets.save(new Basket("ada"));
  }

  @AfterAll
  static void closeContext() {
    context.close();
  }

  @Test
  void derivedQueryIsAnInternalSpanAroundHibernatesQuery() {
    assertThat(baskets.findByOwner("ada")).hasSize(1);

    List<SpanData> spans = AgentTesting.waitForSpans(3).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData repository = named(spans, "BasketRepository.findByOwner");
    assertThat(repository)
        .hasKind(SpanKind.INTERNAL)
        .hasNoParent()
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), BasketRepository.class.getName()),
            equalTo(stringKey("code.function"), "findByOwner"));
    // with the hibernate module, as the OpenTelemetry agent: repository > query execution > JDBC (a derived query
    // runs in no transaction of its own: no commit)
    SpanData query = named(spans, "select " + Basket.class.getName());
    assertThat(query).hasKind(SpanKind.INTERNAL).hasParent(repository);
    assertThat(named(spans, "select basket")).hasKind(SpanKind.CLIENT).hasParent(query);
  }

  @Test
  void saveIsAnInternalSpanAroundHibernatesPersist() {
    baskets.save(new Basket("grace"));

    List<SpanData> spans = AgentTesting.waitForSpans(4).trace(0).spans();
    assertThat(spans).hasSize(4);
    SpanData repository = named(spans, "BasketRepository.save");
    SpanData persist = named(spans, "Session.persist " + Basket.class.getName());
    assertThat(persist).hasKind(SpanKind.INTERNAL).hasParent(repository);
    assertThat(named(spans, "insert basket")).hasKind(SpanKind.CLIENT).hasParent(persist);
    assertThat(named(spans, "Transaction.commit")).hasKind(SpanKind.INTERNAL).hasParent(repository);
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " among " + spans));
  }
}
