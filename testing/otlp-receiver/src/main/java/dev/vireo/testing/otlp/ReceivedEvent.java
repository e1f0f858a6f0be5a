package dev.vireo.testing.otlp;

import java.util.Map;

/** A span event as the receiver got it. */
public record ReceivedEvent(String name, long epochNanos, Map<String, Object> attributes) {}
