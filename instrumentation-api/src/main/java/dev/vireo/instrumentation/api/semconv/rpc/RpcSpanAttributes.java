package dev.vireo.instrumentation.api.semconv.rpc;

import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.ERROR_TYPE;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PEER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_PEER_PORT;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.NETWORK_TYPE;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_ADDRESS;
import static dev.vireo.instrumentation.api.semconv.common.CommonAttributes.SERVER_PORT;

import dev.vireo.instrumentation.api.AttributesExtractor;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;

/** The RPC span attributes, written once for client and server and every RPC library. */
final class RpcSpanAttributes<REQUEST, RESPONSE> implements AttributesExtractor<REQUEST, RESPONSE> {

  private final RpcAttributesGetter<REQUEST, RESPONSE> getter;
  private final boolean client;

  RpcSpanAttributes(RpcAttributesGetter<REQUEST, RESPONSE> getter, boolean client) {
    this.getter = getter;
    this.client = client;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, REQUEST request) {
    putIfNotNull(attributes, RpcAttributes.RPC_SYSTEM, getter.system(request));
    putIfNotNull(attributes, RpcAttributes.RPC_SERVICE, getter.service(request));
    putIfNotNull(attributes, RpcAttributes.RPC_METHOD, getter.method(request));
    // both sides, as the OpenTelemetry agent: on the server, the authority the client addressed
    putIfNotNull(attributes, SERVER_ADDRESS, getter.serverAddress(request));
    Integer port = getter.serverPort(request);
    if (port != null && port > 0) {
      attributes.put(SERVER_PORT, (long) port);
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes, Context context, REQUEST request, RESPONSE response, Throwable error) {
    String peerAddress = getter.peerAddress(request);
    if (peerAddress != null) {
      attributes.put(NETWORK_PEER_ADDRESS, peerAddress);
      putIfNotNull(attributes, NETWORK_TYPE, networkType(peerAddress));
      Integer peerPort = getter.peerPort(request);
      if (peerPort != null && peerPort > 0) {
        attributes.put(NETWORK_PEER_PORT, (long) peerPort);
      }
    }
    String system = getter.system(request);
    Integer statusCode = getter.statusCode(request, response, error);
    if (RpcOutcome.hasGrpcStatus(system, statusCode)) {
      attributes.put(RpcAttributes.RPC_GRPC_STATUS_CODE, (long) statusCode);
    }
    if (RpcOutcome.failed(client, system, statusCode, error)) {
      attributes.put(ERROR_TYPE, RpcOutcome.errorType(system, statusCode, error));
    }
  }

  /** {@code ipv4} or {@code ipv6} for an address literal, null for a host name (as an unresolved peer's). */
  static String networkType(String address) {
    if (address.indexOf(':') >= 0) {
      return "ipv6";
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return null;
      }
    }
    return address.isEmpty() ? null : "ipv4";
  }

  private static void putIfNotNull(
      AttributesBuilder attributes, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
