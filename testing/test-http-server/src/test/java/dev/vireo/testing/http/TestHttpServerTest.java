package dev.vireo.testing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestHttpServerTest {

  private static TestHttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = new TestHttpServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void recordsTheRequestAndEchoesItsBody() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(server.url("/echo"))).header("X-Probe", "a").POST(HttpRequest.BodyPublishers.ofString("hi")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("status 200 hi");
    assertThat(response.headers().firstValue("X-Served-By")).hasValue("recording-server");
    TestHttpServer.Recorded recorded = server.only("/echo");
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.header("x-probe")).isEqualTo("a");
    assertThat(recorded.body()).isEqualTo("hi");
  }

  @Test
  void answersByPath() throws Exception {
    assertThat(send(HttpRequest.newBuilder(URI.create(server.url("/missing")))).statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(URI.create(server.url("/fail")))).statusCode()).isEqualTo(500);
    assertThat(send(HttpRequest.newBuilder(URI.create(server.url("/auth")))).statusCode()).isEqualTo(401);
    assertThat(send(HttpRequest.newBuilder(URI.create(server.url("/auth"))).header("Authorization", "Basic eDp5")).statusCode())
        .isEqualTo(200);
    HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(server.url("/redirect"))));
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).hasValue("/target");
  }

  @Test
  void onlyInsistsOnExactlyOneRequest() throws Exception {
    send(HttpRequest.newBuilder(URI.create(server.url("/twice"))));
    send(HttpRequest.newBuilder(URI.create(server.url("/twice"))));

    assertThatThrownBy(() -> server.only("/twice")).isInstanceOf(AssertionError.class);
  }
}
