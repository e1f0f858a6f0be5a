package dev.vireo.instrumentation.api.semconv.rpc;

import dev.vireo.instrumentation.api.semconv.common.CommonAttributes;
import dev.vireo.instrumentation.api.semconv.common.DurationMetric;
import io.opentelemetry.api.common.AttributeKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code rpc.client.duration} / {@code rpc.server.duration}: millisecond histograms, as the
 * OpenTelemetry Java agent records them, with the low-cardinality RPC attributes only.
 */
final class RpcDurationMetric {

  /** What every RPC metric carries, on both sides. */
  static final List<AttributeKey<?>> ATTRIBUTES =
      Collections.unmodifiableList(Arrays.<AttributeKey<?>>asList(
          RpcAttributes.RPC_SYSTEM,
          RpcAttributes.RPC_SERVICE,
          RpcAttributes.RPC_METHOD,
          RpcAttributes.RPC_GRPC_STATUS_CODE,
          CommonAttributes.NETWORK_TYPE,
          CommonAttributes.SERVER_ADDRESS,
          CommonAttributes.SERVER_PORT));

  private RpcDurationMetric() {}

  static DurationMetric client() {
    return DurationMetric.inMilliseconds(
        "dev.vireo.rpc", "rpc.client.duration", "The duration of an outbound RPC invocation.", ATTRIBUTES);
  }

  static DurationMetric server() {
    return DurationMetric.inMilliseconds(
        "dev.vireo.rpc", "rpc.server.duration", "The duration of an inbound RPC invocation.", ATTRIBUTES);
  }
}
