/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import dev.vireo.instrumentation.api.semconv.db.ConnectionPoolAttributes;
import dev.vireo.instrumentation.api.semconv.db.ConnectionPoolMetrics;
import dev.vireo.instrumentation.api.semconv.db.JdbcUrlParser;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a connection pool's metrics cost per borrowed connection (a wait time when it is handed out, a use time when it
 * comes back), inside a sampled request span as in an application: Vireo's {@link ConnectionPoolMetrics}, next to the
 * two SDK histogram records with fixed attributes that the OpenTelemetry agent's HikariCP tracker makes (read from its
 * 2.33.1 jar: {@code OpenTelemetryMetricsTracker} calls {@code DoubleHistogram.record(double, Attributes)}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class ConnectionPoolMetricsBenchmark {

  private OpenTelemetrySdk sdk;
  private ConnectionPoolMetrics vireo;
  private DoubleHistogram waitTime;
  private DoubleHistogram useTime;
  private Attributes attributes;
  private Span request;
  private Scope inRequest;

  @Setup
  public void setUp() {
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(new IdleMetricReader()).build())
        .build();
    attributes = ConnectionPoolAttributes.of("orders", JdbcUrlParser.parse("jdbc:postgresql://db:5432/shop"), true);
    vireo = ConnectionPoolMetrics.register(sdk, "dev.vireo.hikaricp", attributes, new FixedPool());
    Meter meter = sdk.getMeterProvider().get("agent.hikaricp");
    waitTime = meter.histogramBuilder("db.client.connection.wait_time").setUnit("s").build();
    useTime = meter.histogramBuilder("db.client.connection.use_time").setUnit("s").build();
    request = sdk.getTracer("test").spanBuilder("GET /orders/{id}").startSpan();
    inRequest = request.makeCurrent();
  }

  @TearDown
  public void tearDown() {
    inRequest.close();
    request.end();
    sdk.close();
  }

  @Benchmark
  public void vireoBorrow() {
    vireo.recordWaitTime(0.000_021);
    vireo.recordUseTime(0.004);
  }

  @Benchmark
  public void sdkRecordsAsTheAgentsTracker() {
    waitTime.record(0.000_021, attributes);
    useTime.record(0.004, attributes);
  }

  private static final class FixedPool implements ConnectionPoolMetrics.PoolState {
    @Override
    public int usedConnections() {
      return 1;
    }

    @Override
    public int idleConnections() {
      return 9;
    }

    @Override
    public int minIdleConnections() {
      return 10;
    }

    @Override
    public int maxConnections() {
      return 10;
    }

    @Override
    public int pendingRequests() {
      return 0;
    }
  }
}
