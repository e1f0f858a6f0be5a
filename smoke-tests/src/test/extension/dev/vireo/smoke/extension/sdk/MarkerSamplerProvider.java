package dev.vireo.smoke.extension.sdk;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/** The sampler {@code otel.traces.sampler=extension_marker}: samples everything, tagging it {@code extension.sampler}. */
public final class MarkerSamplerProvider implements ConfigurableSamplerProvider {

  @Override
  public Sampler createSampler(ConfigProperties config) {
    SamplingResult result =
        SamplingResult.create(
            SamplingDecision.RECORD_AND_SAMPLE, Attributes.of(AttributeKey.stringKey("extension.sampler"), "yes"));
    return new Sampler() {
      @Override
      public SamplingResult shouldSample(
          Context parentContext,
          String traceId,
          String name,
          SpanKind spanKind,
          Attributes attributes,
          List<LinkData> parentLinks) {
        return result;
      }

      @Override
      public String getDescription() {
        return "ExtensionMarkerSampler";
      }
    };
  }

  @Override
  public String getName() {
    return "extension_marker";
  }
}
