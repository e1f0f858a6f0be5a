package dev.vireo.testapp.spring;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The summary of {@link SummaryController} over the RestClient Spring builds by itself: on a Jetty
 * application (jetty-client on the class path) that is Jetty's HttpClient, through
 * {@code JettyClientHttpRequestFactory}.
 */
@RestController
public class DefaultClientSummaryController {

  private final RestClient restClient = RestClient.create();
  private final Environment environment;

  DefaultClientSummaryController(Environment environment) {
    this.environment = environment;
  }

  @GetMapping("/orders/{orderId}/default-client-summary")
  public String summary(@PathVariable("orderId") String orderId) {
    String stock =
        restClient
            .get()
            .uri(
                "http://127.0.0.1:"
                    + environment.getProperty("local.server.port")
                    + ShopApplication.CONTEXT_PATH
                    + environment.getProperty("spring.mvc.servlet.path", "")
                    + "/inventory/{sku}",
                "sku-" + orderId)
            .retrieve()
            .body(String.class);
    return "order " + orderId + ": " + stock;
  }
}
