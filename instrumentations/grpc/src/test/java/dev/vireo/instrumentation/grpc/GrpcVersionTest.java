package dev.vireo.instrumentation.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.internal.GrpcUtil;
import org.junit.jupiter.api.Test;

/** The scenarios ran against the grpc-java version the build says (current, or the oldest supported). */
class GrpcVersionTest {

  @Test
  void grpcOnTheClassPathIsTheExpectedVersion() {
    assertThat(GrpcUtil.IMPLEMENTATION_VERSION).isEqualTo(System.getProperty("grpc.expected.version"));
  }
}
