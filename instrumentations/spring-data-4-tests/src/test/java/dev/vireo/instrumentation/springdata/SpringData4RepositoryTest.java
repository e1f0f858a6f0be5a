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

/** The spring-data module, built against Spring Data 2.7, on Spring Data 4: a derived query's span and its JDBC child. */
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
  void derivedQueryIsAnInternalSpanParentOfItsQuery() {
    assertThat(baskets.findByOwner("ada")).hasSize(1);

    List<SpanData> spans = AgentTesting.waitForSpans(2).trace(0).spans();
    assertThat(spans).hasSize(2);
    SpanData repository = spans.get(0);
    assertThat(repository)
        .hasName("BasketRepository.findByOwner")
        .hasKind(SpanKind.INTERNAL)
        .hasNoParent()
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), BasketRepository.class.getName()),
            equalTo(stringKey("code.function"), "findByOwner"));
    assertThat(spans.get(1)).hasName("select basket").hasKind(SpanKind.CLIENT).hasParent(repository);
  }
}
