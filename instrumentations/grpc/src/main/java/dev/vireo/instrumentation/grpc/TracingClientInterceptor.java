package dev.vireo.instrumentation.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/** Wraps each call of an instrumented channel; the span starts when the call starts. */
final class TracingClientInterceptor implements ClientInterceptor {

  static final TracingClientInterceptor INSTANCE = new TracingClientInterceptor();

  private TracingClientInterceptor() {}

  @Override
  public <REQ, RESP> ClientCall<REQ, RESP> interceptCall(
      MethodDescriptor<REQ, RESP> method, CallOptions callOptions, Channel next) {
    return new TracingClientCall<>(next.newCall(method, callOptions), method, next.authority());
  }
}
