package dev.vireo.instrumentation.api.semconv.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorityTest {

  @Test
  void hostAndPortOfAnAuthority() {
    assertThat(Authority.host("shop.example:8443")).isEqualTo("shop.example");
    assertThat(Authority.port("shop.example:8443")).isEqualTo(8443);
    assertThat(Authority.host("shop.example")).isEqualTo("shop.example");
    assertThat(Authority.port("shop.example")).isEqualTo(-1);
    assertThat(Authority.host("[::1]:8080")).isEqualTo("::1");
    assertThat(Authority.port("[::1]:8080")).isEqualTo(8080);
    assertThat(Authority.host("[::1]")).isEqualTo("::1");
    assertThat(Authority.port("[::1]")).isEqualTo(-1);
    // an IPv6 address without brackets has no port
    assertThat(Authority.host("2001:db8::1")).isEqualTo("2001:db8::1");
    assertThat(Authority.port("2001:db8::1")).isEqualTo(-1);
    assertThat(Authority.port("shop.example:http")).isEqualTo(-1);
    assertThat(Authority.port("shop.example:")).isEqualTo(-1);
    assertThat(Authority.host(":8080")).isNull();
    assertThat(Authority.host("")).isNull();
    assertThat(Authority.host(null)).isNull();
    assertThat(Authority.port(null)).isEqualTo(-1);
  }
}
