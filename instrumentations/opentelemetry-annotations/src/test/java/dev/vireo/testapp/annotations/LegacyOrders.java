package dev.vireo.testapp.annotations;

import io.opentelemetry.extension.annotations.SpanAttribute;
import io.opentelemetry.extension.annotations.WithSpan;

/** Application methods annotated with the older extension annotation package. */
public class LegacyOrders {

  @WithSpan("legacy-place")
  public String place(@SpanAttribute("order.id") String id) {
    return "placed " + id;
  }
}
