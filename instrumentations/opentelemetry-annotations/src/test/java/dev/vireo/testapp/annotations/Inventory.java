package dev.vireo.testapp.annotations;

/** No annotations: traced through otel.instrumentation.methods.include (see the module's pom). */
public class Inventory {

  public int reserve(String sku) {
    return sku.length();
  }

  public void release() {}

  public void untouched() {}
}
