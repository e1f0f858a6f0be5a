package dev.vireo.testing.otlp;

/** The OTLP signal an export request carried. */
public enum Signal {
  TRACES,
  METRICS,
  LOGS
}
