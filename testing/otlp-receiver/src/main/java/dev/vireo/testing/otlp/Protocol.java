package dev.vireo.testing.otlp;

/** The two OTLP transports the receiver serves. */
public enum Protocol {
  /** OTLP/gRPC ({@code opentelemetry.proto.collector.*.v1.*Service/Export}). */
  GRPC,
  /** OTLP/http-protobuf ({@code POST /v1/traces|metrics|logs}). */
  HTTP
}
