package dev.vireo.smoke.boot27app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

/** A plain Spring Boot 2.7 MVC service: one controller calling another over HTTP with RestTemplate. */
@SpringBootApplication(proxyBeanMethods = false)
@RestController
public class Boot27ShopApplication {

  private final RestTemplate restTemplate = new RestTemplate();
  private final Environment environment;

  Boot27ShopApplication(Environment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    SpringApplication.run(Boot27ShopApplication.class, args);
  }

  @GetMapping("/orders/{orderId}")
  public String order(@PathVariable("orderId") String orderId) {
    String stock =
        restTemplate.getForObject(
            "http://127.0.0.1:" + environment.getProperty("local.server.port") + "/stock/{sku}",
            String.class,
            "sku-" + orderId);
    return "order " + orderId + ": " + stock;
  }

  @GetMapping("/stock/{sku}")
  public String stock(@PathVariable("sku") String sku) {
    return sku + " in stock";
  }
}
