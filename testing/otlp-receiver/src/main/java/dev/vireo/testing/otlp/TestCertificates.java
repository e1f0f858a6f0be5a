package dev.vireo.testing.otlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for TLS tests, written as PEM files into a directory: a CA, a server certificate for
 * {@code 127.0.0.1} / {@code localhost} and a client certificate, both issued by that CA. Keys are RSA 2048 in
 * unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), the form the OTLP exporters, Netty and the JDK all read.
 *
 * <p>Files: {@code ca.pem}, {@code ca-key.pem}, {@code server.pem}, {@code server-key.pem}, {@code client.pem},
 * {@code client-key.pem}.
 */
public final class TestCertificates {

  private static final Duration VALIDITY = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;

  private TestCertificates(Path directory) {
    this.directory = directory;
  }

  /** Generates a fresh CA, server and client certificate into {@code directory} (created if missing). */
  public static TestCertificates generate(Path directory) {
    try {
      Files.createDirectories(directory);
      KeyPair caKeys = newKeyPair();
      X500Principal caName = new X500Principal("CN=Vireo Test CA");
      X509Certificate ca = caCertificate(caName, caKeys);
      write(directory.resolve("ca.pem"), "CERTIFICATE", ca.getEncoded());
      write(directory.resolve("ca-key.pem"), "PRIVATE KEY", caKeys.getPrivate().getEncoded());

      KeyPair serverKeys = newKeyPair();
      X509Certificate server = leafCertificate(caName, caKeys, ca, new X500Principal("CN=localhost"), serverKeys,
          KeyPurposeId.id_kp_serverAuth, true);
      write(directory.resolve("server.pem"), "CERTIFICATE", server.getEncoded());
      write(directory.resolve("server-key.pem"), "PRIVATE KEY", serverKeys.getPrivate().getEncoded());

      KeyPair clientKeys = newKeyPair();
      X509Certificate client = leafCertificate(caName, caKeys, ca, new X500Principal("CN=vireo-test-client"),
          clientKeys, KeyPurposeId.id_kp_clientAuth, false);
      write(directory.resolve("client.pem"), "CERTIFICATE", client.getEncoded());
      write(directory.resolve("client-key.pem"), "PRIVATE KEY", clientKeys.getPrivate().getEncoded());
      return new TestCertificates(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write test certificates to " + directory, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot generate test certificates", e);
    }
  }

  public Path directory() {
    return directory;
  }

  /** The CA certificate: trust this on the client side ({@code otel.exporter.otlp.certificate}). */
  public Path caCertificate() {
    return directory.resolve("ca.pem");
  }

  public Path caKey() {
    return directory.resolve("ca-key.pem");
  }

  public Path serverCertificate() {
    return directory.resolve("server.pem");
  }

  public Path serverKey() {
    return directory.resolve("server-key.pem");
  }

  /** The client certificate ({@code otel.exporter.otlp.client.certificate}). */
  public Path clientCertificate() {
    return directory.resolve("client.pem");
  }

  /** The client key ({@code otel.exporter.otlp.client.key}). */
  public Path clientKey() {
    return directory.resolve("client-key.pem");
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, RANDOM);
    return generator.generateKeyPair();
  }

  private static X509Certificate caCertificate(X500Principal name, KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder = builder(name, name, keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
        .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys);
  }

  private static X509Certificate leafCertificate(X500Principal issuer, KeyPair issuerKeys, X509Certificate issuerCert,
      X500Principal subject, KeyPair keys, KeyPurposeId purpose, boolean loopbackNames)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder = builder(issuer, subject, keys)
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
        .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()))
        .addExtension(Extension.authorityKeyIdentifier, false,
            extensions.createAuthorityKeyIdentifier(issuerCert));
    if (loopbackNames) {
      // Clients verify the host name against the SAN: cover both spellings of the loopback endpoint.
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    }
    return sign(builder, issuerKeys);
  }

  private static X509v3CertificateBuilder builder(X500Principal issuer, X500Principal subject, KeyPair subjectKeys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))), // tolerate clock skew between processes
        Date.from(now.plus(VALIDITY)),
        subject,
        subjectKeys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signerKeys)
      throws GeneralSecurityException, OperatorCreationException {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(signerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static void write(Path file, String type, byte[] der) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file)) {
      writer.write("-----BEGIN " + type + "-----\n");
      writer.write(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der));
      writer.write("\n-----END " + type + "-----\n");
    }
  }
}
