package dev.vireo.benchmarks.springapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot service of the overhead benchmark: what a new user would try an agent on (Spring MVC views,
 * Spring Data JPA over Hibernate, H2, Actuator). Ready when {@code GET /orders/1} answers 200.
 */
@SpringBootApplication
public class OrdersApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }
}
