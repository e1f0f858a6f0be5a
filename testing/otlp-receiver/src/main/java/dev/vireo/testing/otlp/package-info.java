/**
 * Smoke-test harness: {@link dev.vireo.testing.otlp.OtlpReceiver}, a real OTLP receiver (gRPC and http/protobuf,
 * optional TLS / mutual TLS, switchable failure behaviour) started in-process on OS-chosen loopback ports;
 * {@link dev.vireo.testing.otlp.TestCertificates}, a throw-away PKI; and {@link dev.vireo.testing.otlp.AgentJvm} /
 * {@link dev.vireo.testing.otlp.ForkedJvm}, which fork the JVM under test with the agent and never leave it behind.
 */
package dev.vireo.testing.otlp;
