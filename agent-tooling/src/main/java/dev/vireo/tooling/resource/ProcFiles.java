package dev.vireo.tooling.resource;

/**
 * Read access to the few files the Kubernetes detector looks at. An interface so tests can hand in fixture files
 * instead of the real {@code /proc} and service-account mount.
 */
public interface ProcFiles {

  /** Whether the file exists; used for the service-account token, which must never be read. */
  boolean exists(String path);

  /** The whole file as text, or {@code null} when it is missing or unreadable. */
  String readOrNull(String path);
}
