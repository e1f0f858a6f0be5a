package dev.vireo.testapp.spring;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** Calls the inventory controller of this same application over HTTP with RestClient (Spring 6.1+). */
@RestController
@ConditionalOnClass(name = "org.springframework.web.client.RestClient")
public class SummaryController {

  /**
   * The JDK HttpClient, named, so that every Boot module makes the same call: left to itself RestClient
   * picks Jetty's HttpClient when jetty-client is on the class path (a Boot app on Jetty; that case is
   * tests-boot3-jetty's DefaultClientSummaryController).
   */
  private final RestClient restClient = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
  private final Environment environment;

  SummaryController(Environment environment) {
    this.environment = environment;
  }

  @GetMapping("/orders/{orderId}/summary")
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
