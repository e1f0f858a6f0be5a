package dev.vireo.instrumentation.grpc;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The serialized (uncompressed) size of a protobuf message, the size the OpenTelemetry agent gives a gRPC message; -1
 * for a message of another kind, or where the application has no protobuf. Found by name: the module must not need
 * protobuf, which a gRPC application may do without (its own marshallers).
 */
final class ProtobufMessageSizes {

  private static final Class<?> MESSAGE_LITE;
  /** {@code (Object) -> int}: {@code MessageLite.getSerializedSize()}, which protobuf computes once per message. */
  private static final MethodHandle SERIALIZED_SIZE;

  static {
    Class<?> messageLite = null;
    MethodHandle serializedSize = null;
    try {
      messageLite =
          Class.forName("com.google.protobuf.MessageLite", false, ProtobufMessageSizes.class.getClassLoader());
      serializedSize =
          MethodHandles.publicLookup()
              .findVirtual(messageLite, "getSerializedSize", MethodType.methodType(int.class))
              .asType(MethodType.methodType(int.class, Object.class));
    } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | LinkageError e) {
      messageLite = null;
      serializedSize = null;
    }
    MESSAGE_LITE = messageLite;
    SERIALIZED_SIZE = serializedSize;
  }

  private ProtobufMessageSizes() {}

  static long of(Object message) {
    if (SERIALIZED_SIZE == null || !MESSAGE_LITE.isInstance(message)) {
      return -1;
    }
    try {
      return (int) SERIALIZED_SIZE.invokeExact(message);
    } catch (Throwable e) {
      return -1; // the message's own failure is the application's to meet when gRPC serializes it
    }
  }
}
