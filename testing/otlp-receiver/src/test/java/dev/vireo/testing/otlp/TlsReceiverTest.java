package dev.vireo.testing.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsReceiverTest {

  @TempDir
  static Path certificateDirectory;

  @TempDir
  static Path otherCertificateDirectory;

  private static TestCertificates certificates;
  private static TestCertificates otherCa;

  @BeforeAll
  static void generateCertificates() {
    certificates = TestCertificates.generate(certificateDirectory);
    otherCa = TestCertificates.generate(otherCertificateDirectory);
  }

  @Test
  void generatedCertificatesChainToTheCaAndNameTheLoopbackHost() throws Exception {
    X509Certificate ca = certificate(certificates.caCertificate());
    X509Certificate server = certificate(certificates.serverCertificate());
    X509Certificate client = certificate(certificates.clientCertificate());

    server.verify(ca.getPublicKey());
    client.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isEqualTo(0);
    assertThat(server.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
        List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(Files.readString(certificates.serverKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.readString(certificates.clientKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void serverTlsAcceptsAClientTrustingTheCa(Protocol protocol) throws IOException {
    try (OtlpReceiver receiver = OtlpReceiver.open(ReceiverTls.from(certificates, false))) {
      assertThat(receiver.grpcEndpoint()).startsWith("https://127.0.0.1:");
      assertThat(receiver.httpEndpoint()).startsWith("https://127.0.0.1:");

      boolean success = Exporters.to(receiver, protocol).trust(pem(certificates.caCertificate()))
          .export(SampleSpans.serverAndClient());

      assertThat(success).isTrue();
      assertThat(receiver.spans()).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void serverTlsIsRejectedByAClientTrustingAnotherCa(Protocol protocol) throws IOException {
    try (OtlpReceiver receiver = OtlpReceiver.open(ReceiverTls.from(certificates, false))) {
      boolean success = Exporters.to(receiver, protocol).trust(pem(otherCa.caCertificate()))
          .export(SampleSpans.serverAndClient());

      assertThat(success).isFalse();
      assertThat(receiver.requestCount(protocol)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void mutualTlsAcceptsAClientCertificateFromTheCa(Protocol protocol) throws IOException {
    try (OtlpReceiver receiver = OtlpReceiver.open(ReceiverTls.from(certificates, true))) {
      boolean success = Exporters.to(receiver, protocol).trust(pem(certificates.caCertificate()))
          .clientTls(pem(certificates.clientKey()), pem(certificates.clientCertificate()))
          .export(SampleSpans.serverAndClient());

      assertThat(success).isTrue();
      assertThat(receiver.spans()).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void mutualTlsRejectsAClientWithoutCertificate(Protocol protocol) throws IOException {
    try (OtlpReceiver receiver = OtlpReceiver.open(ReceiverTls.from(certificates, true))) {
      boolean success = Exporters.to(receiver, protocol).trust(pem(certificates.caCertificate()))
          .export(SampleSpans.serverAndClient());

      assertThat(success).isFalse();
      assertThat(receiver.requestCount(protocol)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void mutualTlsRejectsAClientCertificateFromAnotherCa(Protocol protocol) throws IOException {
    try (OtlpReceiver receiver = OtlpReceiver.open(ReceiverTls.from(certificates, true))) {
      boolean success = Exporters.to(receiver, protocol).trust(pem(certificates.caCertificate()))
          .clientTls(pem(otherCa.clientKey()), pem(otherCa.clientCertificate()))
          .export(SampleSpans.serverAndClient());

      assertThat(success).isFalse();
      assertThat(receiver.requestCount(protocol)).isZero();
    }
  }

  private static byte[] pem(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  private static X509Certificate certificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
