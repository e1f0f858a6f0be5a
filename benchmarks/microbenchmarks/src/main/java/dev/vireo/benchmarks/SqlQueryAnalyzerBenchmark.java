/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import dev.vireo.instrumentation.api.semconv.db.SqlQuery;
import dev.vireo.instrumentation.api.semconv.db.SqlQueryAnalyzer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of analyzing one statement (sanitized text + summary + names), which the JDBC
 * instrumentation pays per executed statement unless it caches per prepared statement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SqlQueryAnalyzerBenchmark {
  /** Typical prepared statement: nothing to replace, the input string is returned as is. */
  private String shortStatement;
  /** Hand-written query with literals, an IN list, a join, a sub-query and comments (~400 chars). */
  private String mediumStatement;
  /** Generated bulk insert, ~16 KB of literals. */
  private String longStatement;

  @Setup
  public void setUp() {
    shortStatement = "SELECT id, name, price FROM items WHERE id = ?";
    mediumStatement =
        "/* report */ SELECT o.id, o.total, c.name, c.email -- who\n"
            + "FROM orders o JOIN customers c ON o.customer_id = c.id\n"
            + "LEFT JOIN shipments s ON s.order_id = o.id\n"
            + "WHERE o.status IN ('NEW', 'PAID', 'SHIPPED') AND o.total > 100.50\n"
            + "AND c.country = 'DE' AND o.created_at > '2024-01-01 00:00:00'\n"
            + "AND o.id NOT IN (SELECT order_id FROM refunds WHERE amount > -1)\n"
            + "ORDER BY o.created_at DESC LIMIT 50";
    StringBuilder sb = new StringBuilder("INSERT INTO events (id, kind, payload, created) VALUES ");
    for (int i = 0; sb.length() < 16 * 1024; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('(').append(i).append(", 'click', '{\"x\": ").append(i * 7).append("}', 1700000000").append(i).append(')');
    }
    longStatement = sb.toString();
  }

  @Benchmark
  public SqlQuery shortStatement() {
    return SqlQueryAnalyzer.analyze(shortStatement);
  }

  @Benchmark
  public SqlQuery mediumStatement() {
    return SqlQueryAnalyzer.analyze(mediumStatement);
  }

  @Benchmark
  public SqlQuery longStatement() {
    return SqlQueryAnalyzer.analyze(longStatement);
  }
}
