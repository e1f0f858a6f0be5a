package dev.vireo.instrumentation.springwebflux;

import java.util.List;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The last filter of every WebClient: WebClient runs its filters on each subscription of a request,
 * so each attempt (a {@code retryWhen} resubscribes) gets its own CLIENT span ({@link TracedExchange}).
 */
final class TracingExchangeFilter implements ExchangeFilterFunction {

  private static final TracingExchangeFilter INSTANCE = new TracingExchangeFilter();

  static void addTo(WebClient.Builder builder) {
    builder.filters(TracingExchangeFilter::addTo);
  }

  private static void addTo(List<ExchangeFilterFunction> filters) {
    for (ExchangeFilterFunction filter : filters) {
      if (filter instanceof TracingExchangeFilter) {
        return; // a builder built twice, or a mutated client's builder
      }
    }
    filters.add(INSTANCE);
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    return new TracedExchange(request, next);
  }
}
