package dev.vireo.instrumentation.api;

/**
 * The key under which the Reactor instrumentation exposes the carried context in a subscriber's
 * Reactor {@code Context}. Code that runs where no context is current but a Reactor context is at
 * hand (an event-loop callback of a reactive client) reads the parent from there. A plain string, so
 * that this API needs no Reactor types.
 */
public final class ReactorContextKey {

  public static final String KEY = "dev.vireo.context";

  private ReactorContextKey() {}
}
