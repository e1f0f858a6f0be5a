package dev.vireo.testapp.springkafka;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link KafkaBrokerMain} in a child JVM without the agent: the test JVM's class path with its
 * kafka-clients jar swapped for the one the broker was built with
 * ({@code vireo.test.brokerKafkaClients}), so the test itself can run an older client.
 */
final class ForkedKafkaBroker implements TestBroker {

  private final Process process;
  private final String bootstrapServers;

  private ForkedKafkaBroker(Process process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  static ForkedKafkaBroker start(String... topics) throws Exception {
    String brokerClients = System.getProperty("vireo.test.brokerKafkaClients");
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = new ArrayList<>();
    entries.add(brokerClients);
    for (String entry : testClassPath.split(File.pathSeparator)) {
      if (!Paths.get(entry).getFileName().toString().startsWith("kafka-clients-")) {
        entries.add(entry);
      }
    }
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, entries));
    command.add(KafkaBrokerMain.class.getName());
    command.addAll(List.of(topics));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> bootstrap = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              // Reads to the end so the child never blocks on a full pipe.
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("bootstrap=")) {
                    bootstrap.complete(line.substring("bootstrap=".length()));
                  }
                }
              } catch (Exception e) {
                // the child is gone
              }
              bootstrap.complete(null);
            },
            "forked-kafka-broker-output");
    reader.setDaemon(true);
    reader.start();
    String servers;
    try {
      servers = bootstrap.get(90, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the forked broker did not start", e);
    }
    if (servers == null) {
      process.destroyForcibly();
      throw new IllegalStateException("the forked broker exited with " + process.waitFor());
    }
    return new ForkedKafkaBroker(process, servers);
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
