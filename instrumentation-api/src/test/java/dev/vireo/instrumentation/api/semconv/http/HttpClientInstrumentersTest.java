package dev.vireo.instrumentation.api.semconv.http;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP client family records exceptions with the URLs in their texts redacted like url.full. */
class HttpClientInstrumentersTest {

  private static final HttpClientAttributesGetter<String, Integer> GETTER =
      new HttpClientAttributesGetter<>() {
        @Override public String method(String url) { return "GET"; }
        @Override public String url(String url) { return url; }
        @Override public String serverAddress(String url) { return "h.example"; }
        @Override public Integer serverPort(String url) { return 443; }
        @Override public List<String> requestHeader(String url, String name) { return List.of(); }
        @Override public Integer statusCode(String url, Integer status, Throwable error) { return status; }
        @Override public String protocolVersion(String url, Integer status) { return null; }
        @Override public List<String> responseHeader(String url, Integer status, String name) { return List.of(); }
      };

  private static final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private static Instrumenter<String, Integer> instrumenter;

  @BeforeAll
  static void installSdk() {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.noop())
            .build();
    VireoTelemetry.install(() -> sdk);
    instrumenter = HttpClientInstrumenters.create("test", GETTER, (carrier, key, value) -> {});
  }

  @AfterAll
  static void uninstall() {
    VireoTelemetry.install(io.opentelemetry.api.OpenTelemetry::noop);
  }

  @Test
  void exceptionMessageAndStackTraceGoThroughUrlRedaction() {
    String url = "https://alice:hunter2@h.example/a;jsessionid=S1?client_secret=s3cr3t&q=1";
    IOException error =
        new IOException("cannot reach " + url, new IllegalStateException("redirected to " + url + " again"));
    Context context = instrumenter.start(Context.root(), url);
    instrumenter.end(context, url, null, error);

    SpanData span = spans.getFinishedSpanItems().get(0);
    String redacted = "https://REDACTED:REDACTED@h.example/a?client_secret=REDACTED&q=1";
    assertThat(span.getAttributes().get(stringKey("url.full"))).isEqualTo(redacted);
    assertThat(span.getEvents()).hasSize(1);
    EventData event = span.getEvents().get(0);
    Attributes attributes = event.getAttributes();
    assertThat(event.getName()).isEqualTo("exception");
    assertThat(attributes.get(stringKey("exception.type"))).isEqualTo("java.io.IOException");
    assertThat(attributes.get(stringKey("exception.message"))).isEqualTo("cannot reach " + redacted);
    assertThat(attributes.get(stringKey("exception.stacktrace")))
        .startsWith("java.io.IOException: cannot reach " + redacted + System.lineSeparator())
        .contains("Caused by: java.lang.IllegalStateException: redirected to " + redacted + " again")
        .contains("at dev.vireo.instrumentation.api.semconv.http.HttpClientInstrumentersTest");
    assertThat(span.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t").doesNotContain("S1");
  }
}
