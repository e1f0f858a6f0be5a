package dev.vireo.tooling.runtime;

import io.opentelemetry.api.common.AttributeKey;

/** The attribute keys of the JVM runtime metrics, as the semantic conventions name them. */
final class RuntimeAttributes {

  static final AttributeKey<String> MEMORY_TYPE = AttributeKey.stringKey("jvm.memory.type");
  static final AttributeKey<String> MEMORY_POOL_NAME = AttributeKey.stringKey("jvm.memory.pool.name");
  static final AttributeKey<String> GC_NAME = AttributeKey.stringKey("jvm.gc.name");
  static final AttributeKey<String> GC_ACTION = AttributeKey.stringKey("jvm.gc.action");
  static final AttributeKey<String> GC_CAUSE = AttributeKey.stringKey("jvm.gc.cause");
  static final AttributeKey<Boolean> THREAD_DAEMON = AttributeKey.booleanKey("jvm.thread.daemon");
  static final AttributeKey<String> THREAD_STATE = AttributeKey.stringKey("jvm.thread.state");
  static final AttributeKey<String> BUFFER_POOL_NAME = AttributeKey.stringKey("jvm.buffer.pool.name");

  private RuntimeAttributes() {}
}
