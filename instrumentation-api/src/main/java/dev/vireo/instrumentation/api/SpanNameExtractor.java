package dev.vireo.instrumentation.api;

@FunctionalInterface
public interface SpanNameExtractor<REQUEST> {
  String extract(REQUEST request);
}
