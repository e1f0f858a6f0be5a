/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import dev.vireo.tooling.AgentInstaller;
import dev.vireo.tooling.sdk.SdkCustomizer;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The agent installed into a benchmark's own JVM by the agent's installer, so that a span or context the benchmark
 * makes current is the agent's. The bootstrap classes must be on the boot class path and Byte Buddy's agent attached
 * ({@code -Xbootclasspath/a:<agent-bootstrap.jar> -javaagent:<byte-buddy-agent.jar>}); each benchmark's class comment
 * gives the whole command.
 */
final class InProcessAgent {

  /** No export: the benchmarks that use this measure the instrumentation, not the pipeline. */
  static final String NO_EXPORT = "otel.traces.exporter=none;otel.metrics.exporter=none;otel.logs.exporter=none";

  private static boolean installed;

  private InProcessAgent() {}

  /** Installs the agent with {@code configuration} (the agent's argument syntax); later calls do nothing. */
  static synchronized void installOnce(String configuration) {
    if (!installed) {
      AgentInstaller.install(
          ByteBuddyAgent.install(), InProcessAgent.class.getClassLoader(), configuration, SdkCustomizer.NONE);
      installed = true;
    }
  }
}
