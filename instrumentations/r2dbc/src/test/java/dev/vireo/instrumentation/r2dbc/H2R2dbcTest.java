package dev.vireo.instrumentation.r2dbc;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.SpanKind;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** R2DBC on an in-memory H2 database (io.r2dbc:r2dbc-h2). */
class H2R2dbcTest extends AbstractR2dbcTest {

  H2R2dbcTest() {
    super("r2dbc:h2:mem:///vireo_r2dbc", "h2database", "vireo_r2dbc", null, null, "h2");
  }

  @Override
  String missingTableStatusCode() {
    return "42S02"; // SQLSTATE base table or view not found
  }

  @Test
  void aFactoryMadeWithoutOptionsStillNamesTheSystem() {
    H2ConnectionFactory factory =
        new H2ConnectionFactory(H2ConnectionConfiguration.builder().inMemory("vireo_r2dbc_direct").build());
    Long updated =
        inRequest(() -> Mono.usingWhen(
                factory.create(),
                (Connection direct) -> Flux.from(direct.createStatement("CREATE TABLE vireo_direct (id INT)").execute())
                    .flatMap(Result::getRowsUpdated)
                    .reduce(0L, Long::sum),
                Connection::close)
            .block());

    assertThat(updated).isEqualTo(0L);
    Trace trace = onlyTrace(2);
    trace.span(1)
        .hasName("CREATE TABLE vireo_direct")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("db.system.name"), "h2database"),
            equalTo(stringKey("db.query.text"), "CREATE TABLE vireo_direct (id INT)"),
            equalTo(stringKey("db.query.summary"), "CREATE TABLE vireo_direct"));
  }
}
