package dev.vireo.benchmarks.webfluxapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The WebFlux service of the overhead benchmark (issue 18's budget): Reactor Netty serving {@code GET /proxy?item=N},
 * which makes one {@code WebClient} call to {@code --downstream.url} and answers with its body. Per request an agent
 * sees one server request and one client request, so the CPU it adds per request is the cost of that pair.
 */
@SpringBootApplication
public class ProxyApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProxyApplication.class, args);
  }
}
