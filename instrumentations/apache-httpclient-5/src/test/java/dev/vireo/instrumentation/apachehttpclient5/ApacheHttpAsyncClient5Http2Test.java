package dev.vireo.instrumentation.apachehttpclient5;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.http.AbstractHttpClientTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The async client over HTTP/2 (cleartext, prior knowledge) against Jetty 12, which records what it received. */
@ExtendWith(AgentTestingExtension.class)
class ApacheHttpAsyncClient5Http2Test {

  private static Server jetty;
  private static int port;
  private static CloseableHttpAsyncClient client;
  private static final Map<String, String> traceparentByPath = new ConcurrentHashMap<>();
  private static final Map<String, String> versionByPath = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    jetty = new Server();
    HttpConfiguration config = new HttpConfiguration();
    ServerConnector connector =
        new ServerConnector(jetty, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    jetty.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getPath();
            String traceparent = request.getHeaders().get("traceparent");
            if (traceparent != null) {
              traceparentByPath.put(path, traceparent);
            }
            versionByPath.put(path, request.getConnectionMetaData().getHttpVersion().asString());
            response.setStatus(path.startsWith("/missing") ? 404 : 200);
            response.getHeaders().put("X-Served-By", "jetty");
            response.write(true, ByteBuffer.wrap("h2 answer".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
          }
        });
    jetty.start();
    port = connector.getLocalPort();
    client = HttpAsyncClients.customHttp2().build();
    client.start();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    jetty.stop();
  }

  @Test
  void http2RequestReportsProtocolVersion2() throws Exception {
    SimpleHttpResponse response = client.execute(new SimpleHttpRequest("GET", URI.create(url("/h2"))), null).get(30, TimeUnit.SECONDS);

    assertThat(response.getBodyText()).isEqualTo("h2 answer");
    assertThat(versionByPath.get("/h2")).isEqualTo("HTTP/2.0");
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    assertThat(AgentTesting.spans()).hasSize(1);
    trace.span(0)
        .hasName("GET")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), url("/h2")),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) port),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "2"),
            equalTo(stringArrayKey("http.response.header.x-served-by"), List.of("jetty")));
    AbstractHttpClientTest.assertTraceparentNames(traceparentByPath.get("/h2"), trace.get(0));
  }

  @Test
  void http2NotFoundIsAnError() throws Exception {
    SimpleHttpResponse response =
        client.execute(new SimpleHttpRequest("GET", URI.create(url("/missing"))), null).get(30, TimeUnit.SECONDS);

    assertThat(response.getCode()).isEqualTo(404);
    Trace trace = AgentTesting.waitForSpans(1).trace(0);
    trace.span(0)
        .hasStatus(StatusData.error())
        .hasAttribute(longKey("http.response.status_code"), 404L)
        .hasAttribute(stringKey("error.type"), "404")
        .hasAttribute(stringKey("network.protocol.version"), "2");
    AbstractHttpClientTest.assertTraceparentNames(traceparentByPath.get("/missing"), trace.get(0));
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
