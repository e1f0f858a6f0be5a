/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The price of advice that has nothing to do: {@code connect()} on an {@link HttpURLConnection} whose request is
 * already complete returns at once, but with the agent its advice still runs (look up the connection's state, see
 * the span ended, return). Run twice, with and without the agent, and compare:
 *
 * <pre>
 * java -jar benchmarks/microbenchmarks/target/advised-benchmark.jar AdvisedNoOp
 * java -jar benchmarks/microbenchmarks/target/advised-benchmark.jar AdvisedNoOp \
 *     -jvmArgsAppend "-javaagent:agent/target/vireo-agent.jar -Dotel.traces.exporter=none"
 * </pre>
 *
 * A JDK class the shipped agent instruments is used instead of a benchmark-only instrumentation module so that the
 * measured agent is exactly the released jar. {@code benchmarks/micro.sh} runs both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AdvisedNoOpBenchmark {

  private HttpServer server;
  private HttpURLConnection connection;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    connection = (HttpURLConnection)
        new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/").openConnection();
    if (connection.getResponseCode() != 204) {
      throw new IllegalStateException("unexpected status " + connection.getResponseCode());
    }
    try (InputStream body = connection.getInputStream()) {
      body.readAllBytes();
    }
    System.out.println("agent attached: " + agentAttached());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    connection.disconnect();
    server.stop(0);
  }

  @Benchmark
  public HttpURLConnection connectWhenDone() throws IOException {
    connection.connect();
    return connection;
  }

  private static boolean agentAttached() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(a -> a.startsWith("-javaagent:"));
  }
}
