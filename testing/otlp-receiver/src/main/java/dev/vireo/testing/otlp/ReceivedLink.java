package dev.vireo.testing.otlp;

import java.util.Map;

/** A span link as the receiver got it; ids are lower-case hex. */
public record ReceivedLink(String traceId, String spanId, Map<String, Object> attributes) {}
