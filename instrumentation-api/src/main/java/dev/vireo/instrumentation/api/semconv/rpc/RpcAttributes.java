package dev.vireo.instrumentation.api.semconv.rpc;

import io.opentelemetry.api.common.AttributeKey;

/**
 * RPC attribute keys, as the OpenTelemetry Java agent emits them (RPC semantic conventions before the
 * {@code rpc.system.name} / {@code rpc.response.status_code} rework, which is not stable yet).
 */
public final class RpcAttributes {

  public static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  public static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  public static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  public static final AttributeKey<Long> RPC_GRPC_STATUS_CODE = AttributeKey.longKey("rpc.grpc.status_code");

  private RpcAttributes() {}
}
