package dev.vireo.testing.otlp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS material for the receiver, as PEM files: the server certificate (chain) and its private key (PKCS#8 or PKCS#1),
 * and optionally the CA that client certificates must chain to (then mutual TLS is required on both transports).
 */
public record ReceiverTls(Path serverCertificate, Path serverKey, Path clientCa) {

  public ReceiverTls {
    Objects.requireNonNull(serverCertificate, "serverCertificate");
    Objects.requireNonNull(serverKey, "serverKey");
  }

  /** Server-authenticated TLS only. */
  public static ReceiverTls server(Path serverCertificate, Path serverKey) {
    return new ReceiverTls(serverCertificate, serverKey, null);
  }

  /** Mutual TLS: clients must present a certificate issued by {@code clientCa}. */
  public static ReceiverTls mutual(Path serverCertificate, Path serverKey, Path clientCa) {
    return new ReceiverTls(serverCertificate, serverKey, Objects.requireNonNull(clientCa, "clientCa"));
  }

  /** Everything from generated test certificates; mutual when {@code requireClientCertificate}. */
  public static ReceiverTls from(TestCertificates certificates, boolean requireClientCertificate) {
    return new ReceiverTls(
        certificates.serverCertificate(),
        certificates.serverKey(),
        requireClientCertificate ? certificates.caCertificate() : null);
  }
}
