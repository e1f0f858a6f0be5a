package dev.vireo.instrumentation.grpc;

import io.grpc.Metadata;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;
import java.util.Iterator;

/** Reads propagation fields from a served call's request metadata, every value of a repeated key. */
enum MetadataGetter implements TextMapGetter<GrpcRequest> {
  INSTANCE;

  @Override
  public Iterable<String> keys(GrpcRequest carrier) {
    return carrier.metadata().keys();
  }

  @Override
  public String get(GrpcRequest carrier, String key) {
    if (carrier == null) {
      return null;
    }
    Metadata.Key<String> metadataKey = MetadataKeys.ascii(key);
    return metadataKey == null ? null : carrier.metadata().get(metadataKey);
  }

  @Override
  public Iterator<String> getAll(GrpcRequest carrier, String key) {
    if (carrier == null) {
      return Collections.emptyIterator();
    }
    Metadata.Key<String> metadataKey = MetadataKeys.ascii(key);
    Iterable<String> values = metadataKey == null ? null : carrier.metadata().getAll(metadataKey);
    return values == null ? Collections.<String>emptyIterator() : values.iterator();
  }
}
