package dev.vireo.smoke.bootapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** A plain Spring Boot MVC service: one controller calling another over HTTP with RestClient. */
@SpringBootApplication(proxyBeanMethods = false)
@RestController
public class BootShopApplication {

  private final RestClient restClient = RestClient.create();
  private final Environment environment;

  BootShopApplication(Environment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    SpringApplication.run(BootShopApplication.class, args);
  }

  @GetMapping("/orders/{orderId}")
  public String order(@PathVariable("orderId") String orderId) {
    String stock =
        restClient
            .get()
            .uri("http://127.0.0.1:{port}/stock/{sku}", environment.getProperty("local.server.port"), "sku-" + orderId)
            .retrieve()
            .body(String.class);
    return "order " + orderId + ": " + stock;
  }

  @GetMapping("/stock/{sku}")
  public String stock(@PathVariable("sku") String sku) {
    return sku + " in stock";
  }
}
