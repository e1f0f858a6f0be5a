package dev.vireo.testapp.reactor;

import reactor.core.publisher.Flux;

/** Traced through {@code otel.instrumentation.methods.include}, no annotation. */
public class Catalog {

  public Flux<String> search(String term) {
    return Flux.just(term + "-1", term + "-2").doOnNext(Quotes::child);
  }
}
