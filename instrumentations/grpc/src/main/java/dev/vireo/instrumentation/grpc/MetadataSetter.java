package dev.vireo.instrumentation.grpc;

import io.grpc.Metadata;
import io.opentelemetry.context.propagation.TextMapSetter;

/** Writes propagation fields into a client call's request metadata, replacing earlier values. */
enum MetadataSetter implements TextMapSetter<GrpcRequest> {
  INSTANCE;

  @Override
  public void set(GrpcRequest carrier, String key, String value) {
    if (carrier == null || carrier.metadata() == null) {
      return;
    }
    Metadata.Key<String> metadataKey = MetadataKeys.ascii(key);
    if (metadataKey == null) {
      return;
    }
    Metadata metadata = carrier.metadata();
    metadata.removeAll(metadataKey);
    metadata.put(metadataKey, value);
  }
}
