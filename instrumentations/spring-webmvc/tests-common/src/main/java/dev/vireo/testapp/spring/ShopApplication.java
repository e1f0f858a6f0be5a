package dev.vireo.testapp.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The shop the scenarios run against: under the context path {@code /shop}, on an ephemeral port of
 * 127.0.0.1, with the Actuator's health and metrics endpoints. Static resources are off, so that a
 * path no controller knows has no handler at all (with them on, Spring's resource handler matches
 * every path as {@code /**}).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class ShopApplication {

  public static final String CONTEXT_PATH = "/shop";

  /** Starts the shop in this JVM; {@code extraArguments} are more {@code --key=value} properties. */
  public static ConfigurableApplicationContext start(String... extraArguments) {
    String[] base = {
      "--server.port=0",
      "--server.address=127.0.0.1",
      "--server.servlet.context-path=" + CONTEXT_PATH,
      "--spring.web.resources.add-mappings=false",
      "--management.endpoints.web.exposure.include=health,metrics",
      "--spring.main.banner-mode=off",
      "--logging.level.root=WARN",
    };
    String[] arguments = new String[base.length + extraArguments.length];
    System.arraycopy(base, 0, arguments, 0, base.length);
    System.arraycopy(extraArguments, 0, arguments, base.length, extraArguments.length);
    return SpringApplication.run(ShopApplication.class, arguments);
  }

  /** The port the embedded server listens on. */
  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** A WebMvc.fn route next to the annotated controllers. */
  @Bean
  RouterFunction<ServerResponse> itemRoutes() {
    return RouterFunctions.route()
        .GET("/fn/items/{id}", request -> ServerResponse.ok().body("item " + request.pathVariable("id")))
        .build();
  }
}
