package dev.vireo.instrumentation.api.semconv.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

  @Test
  void parametersOfTheFirstElement() {
    String forwarded = "for=192.0.2.60;proto=HTTPS;by=203.0.113.43;host=shop.example, for=10.0.0.2;proto=http";
    assertThat(ForwardedHeaders.parameter(forwarded, "for")).isEqualTo("192.0.2.60");
    assertThat(ForwardedHeaders.parameter(forwarded, "proto")).isEqualTo("HTTPS");
    assertThat(ForwardedHeaders.parameter(forwarded, "host")).isEqualTo("shop.example");
    assertThat(ForwardedHeaders.parameter(forwarded, "secret")).isNull();
  }

  @Test
  void parameterNamesAreCaseInsensitiveAndWhole() {
    assertThat(ForwardedHeaders.parameter("By=10.0.0.1; FOR=198.51.100.4", "for")).isEqualTo("198.51.100.4");
    // "xfor" is another parameter, and "for" without '=' is no parameter at all
    assertThat(ForwardedHeaders.parameter("xfor=1.1.1.1;for=2.2.2.2", "for")).isEqualTo("2.2.2.2");
    assertThat(ForwardedHeaders.parameter("forward;for", "for")).isNull();
  }

  @Test
  void quotedAndEmptyValues() {
    assertThat(ForwardedHeaders.parameter("for=\"[2001:db8:cafe::17]:4711\"", "for")).isEqualTo("[2001:db8:cafe::17]:4711");
    assertThat(ForwardedHeaders.parameter("for=\"\";proto=http", "for")).isNull();
    assertThat(ForwardedHeaders.parameter("for=;proto=http", "for")).isNull();
    assertThat(ForwardedHeaders.parameter("for=\"unterminated", "for")).isNull();
    assertThat(ForwardedHeaders.parameter("proto=", "proto")).isNull();
  }

  @Test
  void nodeAddresses() {
    assertThat(ForwardedHeaders.nodeAddress("192.0.2.60")).isEqualTo("192.0.2.60");
    assertThat(ForwardedHeaders.nodeAddress("192.0.2.60:4711")).isEqualTo("192.0.2.60");
    assertThat(ForwardedHeaders.nodeAddress("[2001:db8:cafe::17]:4711")).isEqualTo("2001:db8:cafe::17");
    assertThat(ForwardedHeaders.nodeAddress("[2001:db8:cafe::17]")).isEqualTo("2001:db8:cafe::17");
    assertThat(ForwardedHeaders.nodeAddress("unknown")).isNull();
    assertThat(ForwardedHeaders.nodeAddress("_hidden")).isNull();
    assertThat(ForwardedHeaders.nodeAddress("[]")).isNull();
    assertThat(ForwardedHeaders.nodeAddress(null)).isNull();
  }

  @Test
  void xForwardedForNamesItsFirstEntry() {
    assertThat(ForwardedHeaders.forwardedFor("203.0.113.9, 10.0.0.2, 10.0.0.3")).isEqualTo("203.0.113.9");
    assertThat(ForwardedHeaders.forwardedFor(" 2001:db8::9 ,10.0.0.2")).isEqualTo("2001:db8::9");
    assertThat(ForwardedHeaders.forwardedFor("203.0.113.9:51000")).isEqualTo("203.0.113.9");
    assertThat(ForwardedHeaders.forwardedFor(" , 10.0.0.2")).isNull();
    assertThat(ForwardedHeaders.forwardedFor("")).isNull();
  }
}
