package dev.vireo.testapp.webflux;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The reactive shop the scenarios run against: Spring WebFlux on Reactor Netty, on an ephemeral port
 * of 127.0.0.1, with an in-memory H2 database (plain JDBC, run on {@code boundedElastic}) and a
 * router function next to the annotated {@link OrderController}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class FluxShopApplication {

  static final String DATABASE = "jdbc:h2:mem:fluxshop;DB_CLOSE_DELAY=-1";

  /** Starts the shop in this JVM; {@code moreArguments} as {@code --name=value}, for what one Boot version's tests add. */
  public static ConfigurableApplicationContext start(String... moreArguments) throws SQLException {
    try (Connection connection = DriverManager.getConnection(DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS items (id VARCHAR(16) PRIMARY KEY, name VARCHAR(64))");
      statement.execute("MERGE INTO items KEY (id) VALUES ('42', 'widget'), ('7', 'gadget')");
    }
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.main.web-application-type=reactive",
        // no static resources: a path no handler knows then has no handler at all (not the resource handler's /**)
        "--spring.web.resources.add-mappings=false",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN"));
    arguments.addAll(List.of(moreArguments));
    return SpringApplication.run(FluxShopApplication.class, arguments.toArray(new String[0]));
  }

  /** The port the embedded server listens on. */
  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** A WebFlux.fn route next to the annotated controller. */
  @Bean
  RouterFunction<ServerResponse> stockRoutes() {
    return route(GET("/stock/{sku}"), request -> ServerResponse.ok().bodyValue("stock " + request.pathVariable("sku")));
  }
}
