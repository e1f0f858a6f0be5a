package dev.vireo.benchmarks.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.otlp.Protocol;
import dev.vireo.testing.otlp.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces of the WebFlux part (issue 18's budget) that run without forking the app. */
class WebFluxPartTest {

  @Test
  void downstreamAnswersEveryGetWithTheFixedBodyOnOneKeptAliveConnection() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (DownstreamServer downstream = DownstreamServer.start()) {
      for (int item = 1; item <= 3; item++) {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create(downstream.url() + "/items/" + item)).GET().build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(DownstreamServer.BODY);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
      }
      assertThat(downstream.requests()).isEqualTo(3);
      assertThat(downstream.connectionsAccepted()).isEqualTo(1);

      HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(downstream.url() + "/items/1"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(400);
      assertThat(downstream.requests()).isEqualTo(3);
    }
  }

  @Test
  void traceShapeShowsChildrenUnderTheirParentAndMissingParents() {
    ReceivedSpan server = span("a1", "", "GET /proxy", "SERVER", 1);
    ReceivedSpan client = span("b2", "a1", "GET", "CLIENT", 2);
    ReceivedSpan internal = span("c3", "a1", "ProxyController.proxy", "INTERNAL", 3);
    ReceivedSpan orphan = span("d4", "ff", "GET", "CLIENT", 4);

    assertThat(TraceShape.describe(List.of(client, server)))
        .isEqualTo("SERVER \"GET /proxy\" { CLIENT \"GET\" }");
    assertThat(TraceShape.describe(List.of(internal, client, server)))
        .isEqualTo("SERVER \"GET /proxy\" { CLIENT \"GET\", INTERNAL \"ProxyController.proxy\" }");
    assertThat(TraceShape.describe(List.of(orphan))).isEqualTo("CLIENT \"GET\" (parent missing)");
    assertThat(TraceShape.describe(List.of())).isEqualTo("no spans");
  }

  @Test
  void warmUpCheckIsMetWhenNoColumnStillCompilesMoreThanTheBudget() {
    Measurements m = new Measurements();
    m.add("none", Metric.WEBFLUX_JIT_CPU_PER_REQUEST, 3);
    m.add("vireo", Metric.WEBFLUX_JIT_CPU_PER_REQUEST, 20);
    m.add("otel", Metric.WEBFLUX_JIT_CPU_PER_REQUEST, 7.25);

    assertThat(new ResultsReport(m, "none", "vireo", "otel").targets()).contains("(warm-up check for issue 18's rows) "
        + "| ≤ 20.0 µs | none 3.00, vireo 20.0, otel 7.25 µs | met |");
  }

  @Test
  void budgetRowsGiveVireosAddedCpuAgainstTwentyMicrosWithOtelsBeside() {
    Measurements m = new Measurements();
    m.add("none", Metric.WEBFLUX_CPU_PER_REQUEST, 300);
    m.add("vireo", Metric.WEBFLUX_CPU_PER_REQUEST, 318); // +18: met
    m.add("otel", Metric.WEBFLUX_CPU_PER_REQUEST, 390); // +90
    m.add("none", Metric.WEBFLUX_CPU_PER_REQUEST_NO_JIT, 250);
    m.add("vireo", Metric.WEBFLUX_CPU_PER_REQUEST_NO_JIT, 275); // +25: over by 5
    m.add("otel", Metric.WEBFLUX_CPU_PER_REQUEST_NO_JIT, 310); // +60
    m.add("vireo", Metric.WEBFLUX_SPANS_PER_REQUEST, 2.0);
    m.add("none", Metric.WEBFLUX_JIT_CPU_PER_REQUEST, 3);
    m.add("vireo", Metric.WEBFLUX_JIT_CPU_PER_REQUEST, 4.5);
    m.add("otel", Metric.WEBFLUX_JIT_CPU_PER_REQUEST, 250);

    ResultsReport report = new ResultsReport(m, "none", "vireo", "otel");
    String targets = report.targets();

    assertThat(targets).contains("| Vireo added CPU per request, WebFlux + one WebClient call (issue 18) | ≤ +20.0 µs "
        + "| Vireo +18.0 µs (OTel +90.0 µs) | met |");
    assertThat(targets).contains("| Vireo added CPU per request without JIT threads, WebFlux + one WebClient call "
        + "(issue 18) | ≤ +20.0 µs | Vireo +25.0 µs (OTel +60.0 µs) | **missed**: over by 5.00 µs |");
    assertThat(targets).contains("| WebFlux app: JIT compiler threads' CPU per request in the window, every column "
        + "(warm-up check for issue 18's rows) | ≤ 20.0 µs | none 3.00, vireo 4.50, otel 250 µs | **missed**: the JIT "
        + "was still compiling");
    assertThat(report.table())
        .contains("| WebFlux app JVM: CPU per request (µs) | 300 | 318 | 390 | 1.06× | 1.30× |")
        .contains("| WebFlux app: spans received per request | – | 2.00 | – | – | – |");
  }

  private static ReceivedSpan span(String id, String parent, String name, String kind, long start) {
    return new ReceivedSpan("t1", id, parent, name, kind, "UNSET", "", Map.of(), List.of(), List.of(), Map.of(), "s",
        "1", start, start + 1, Protocol.HTTP);
  }
}
