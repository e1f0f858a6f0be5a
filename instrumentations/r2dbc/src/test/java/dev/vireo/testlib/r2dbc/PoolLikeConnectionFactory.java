package dev.vireo.testlib.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stands in for a pool made in code around a driver's factory (as Spring Boot makes r2dbc-pool's
 * {@code ConnectionPool}): each connection is validated with a query of the pool's own, then handed
 * out wrapped in a {@link PoolLikeConnection}. Outside {@code dev.vireo.instrumentation} so the agent
 * instruments it.
 */
public final class PoolLikeConnectionFactory implements ConnectionFactory {

  private final ConnectionFactory driver;

  public PoolLikeConnectionFactory(ConnectionFactory driver) {
    this.driver = driver;
  }

  @Override
  public Mono<Connection> create() {
    return Mono.from(driver.create())
        .flatMap(connection -> Flux.from(connection.createStatement("SELECT 1").execute())
            .flatMap(Result::getRowsUpdated)
            .then(Mono.just(connection)))
        .map(PoolLikeConnection::new);
  }

  @Override
  public ConnectionFactoryMetadata getMetadata() {
    return driver.getMetadata();
  }
}
