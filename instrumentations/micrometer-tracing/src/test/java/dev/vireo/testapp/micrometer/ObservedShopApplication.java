package dev.vireo.testapp.micrometer;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Boot 4 application with Spring's observation layer bridged to its own OpenTelemetry SDK
 * (spring-boot-starter-opentelemetry); what that SDK exports lands in {@link #BRIDGE_SPANS}.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableScheduling
public class ObservedShopApplication {

  static final InMemorySpanExporter BRIDGE_SPANS = InMemorySpanExporter.create();

  @Bean
  static SpanProcessor bridgeSpansInMemory() {
    return SimpleSpanProcessor.create(BRIDGE_SPANS);
  }
}
