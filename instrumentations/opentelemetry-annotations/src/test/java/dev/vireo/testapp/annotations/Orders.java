package dev.vireo.testapp.annotations;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Application methods annotated with the current annotation package. */
public class Orders {

  @WithSpan
  public String place(@SpanAttribute("order.id") String id, @SpanAttribute("order.items") int items, String note) {
    return "placed " + id;
  }

  @WithSpan(value = "charge-card", kind = SpanKind.CLIENT)
  public void charge(@SpanAttribute("amount.cents") long cents) {}

  @WithSpan
  public void decline() {
    throw new IllegalStateException("card declined");
  }

  @WithSpan
  public CompletableFuture<String> quote(CompletableFuture<String> pending) {
    return pending;
  }

  @WithSpan
  public CompletionStage<String> quoteStage(CompletableFuture<String> pending) {
    return pending.thenApply(price -> price + " EUR");
  }

  @WithSpan(inheritContext = false)
  public void audit() {}

  @WithSpan
  public void ignored() {}
}
