package dev.vireo.benchmarks.webfluxapp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

@RestController
class ProxyController {

  private final WebClient downstream;

  ProxyController(WebClient.Builder builder, @Value("${downstream.url}") String downstreamUrl) {
    this.downstream = builder.baseUrl(downstreamUrl).build();
  }

  /** Exactly one downstream GET per request, never blocking the event loop. */
  @GetMapping("/proxy")
  Mono<String> proxy(@RequestParam("item") int item) {
    return downstream.get().uri("/items/{item}", item).retrieve().bodyToMono(String.class);
  }
}
