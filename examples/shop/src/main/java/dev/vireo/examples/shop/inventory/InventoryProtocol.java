package dev.vireo.examples.shop.inventory;

import com.google.protobuf.Int32Value;
import com.google.protobuf.StringValue;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;

/**
 * The {@code demo.Inventory} gRPC service, described by hand instead of generated from a .proto file: the wire
 * format uses protobuf well-known types, so no protoc step is needed.
 *
 * <pre>
 * service Inventory {
 *   rpc Reserve (google.protobuf.Int32Value item_id) returns (google.protobuf.StringValue reservation_id);
 * }
 * </pre>
 */
public final class InventoryProtocol {

  public static final String SERVICE_NAME = "demo.Inventory";

  public static final MethodDescriptor<Int32Value, StringValue> RESERVE =
      MethodDescriptor.<Int32Value, StringValue>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, "Reserve"))
          .setRequestMarshaller(ProtoUtils.marshaller(Int32Value.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
          .build();

  private InventoryProtocol() {}
}
