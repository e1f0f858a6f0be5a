package dev.vireo.testing.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster of three masters (no replicas) on 127.0.0.1, for one test class: register it
 * as a {@code static} field with {@code @RegisterExtension}.
 *
 * <p>Why processes: the project's machines run one standalone Redis (6379) and no cluster, but they
 * have the {@code redis-server} and {@code redis-cli} binaries (and there is no Docker). Before all
 * tests this starts three {@code redis-server --cluster-enabled yes} processes on free ports (node
 * files in a temporary directory, nothing saved to disk), joins them with {@code redis-cli --cluster
 * create}, and waits until every node's {@code CLUSTER INFO} says {@code cluster_state:ok}; after all
 * tests it stops the processes and deletes the directory. A few seconds per test class.
 */
public final class RedisCluster implements BeforeAllCallback, AfterAllCallback {

  static final int MASTERS = 3;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

  private final List<Process> servers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private Path directory;
  private Thread stopOnExit;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** Starts the cluster and returns when all its nodes serve all slots. */
  public void start() throws IOException, InterruptedException {
    directory = Files.createTempDirectory("vireo-redis-cluster");
    stopOnExit = new Thread(this::stopProcesses, "vireo-redis-cluster-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit); // a JVM killed mid-class leaves no servers behind
    try {
      for (int i = 0; i < MASTERS; i++) {
        int[] free = freePorts(2);
        Path nodeDirectory = Files.createDirectory(directory.resolve("node-" + free[0]));
        Process server = new ProcessBuilder(
                "redis-server",
                "--port", Integer.toString(free[0]),
                "--cluster-port", Integer.toString(free[1]),
                "--bind", "127.0.0.1",
                "--cluster-enabled", "yes",
                "--cluster-config-file", nodeDirectory.resolve("nodes.conf").toString(),
                "--cluster-node-timeout", "5000",
                "--dir", nodeDirectory.toString(),
                "--save", "",
                "--appendonly", "no",
                "--logfile", nodeDirectory.resolve("redis.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(nodeDirectory.resolve("stdout.log").toFile())
            .start();
        servers.add(server);
        ports.add(free[0]);
      }
      for (int port : ports) {
        awaitOutput(port, "PONG", "PING");
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      for (int port : ports) {
        create.add("127.0.0.1:" + port);
      }
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      run(create);
      for (int port : ports) {
        awaitOutput(port, "cluster_state:ok", "CLUSTER", "INFO");
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Stops the servers and deletes their directory. */
  public void stop() {
    stopProcesses();
    if (stopOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      stopOnExit = null;
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      directory = null;
    }
  }

  private void stopProcesses() {
    for (Process server : servers) {
      server.destroy();
    }
    for (Process server : servers) {
      try {
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        server.destroyForcibly();
      }
    }
    servers.clear();
  }

  /** The nodes' client ports, in the order they were started. */
  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** The port of the node that serves {@code key} now, as that node's cluster view says. */
  public int portServing(String key) {
    return ClusterNodes.parse(cli(ports.get(0), "CLUSTER", "NODES")).ownerOf(ClusterSlots.slot(key)).port;
  }

  /** A key of the form {@code prefix + n} that the node on {@code port} serves. */
  public String keyServedBy(int port, String prefix) {
    ClusterNodes nodes = ClusterNodes.parse(cli(ports.get(0), "CLUSTER", "NODES"));
    for (int n = 0; ; n++) {
      String key = prefix + n;
      if (nodes.ownerOf(ClusterSlots.slot(key)).port == port) {
        return key;
      }
    }
  }

  /**
   * Moves the (empty) slot of {@code key} to the node on {@code toPort} the way a resharding does
   * (importing, migrating, then assigned on every node), so that a client that cached the old
   * owner is answered {@code MOVED} by it.
   */
  public void moveSlotOf(String key, int toPort) {
    int slot = ClusterSlots.slot(key);
    ClusterNodes nodes = ClusterNodes.parse(cli(ports.get(0), "CLUSTER", "NODES"));
    ClusterNodes.Node from = nodes.ownerOf(slot);
    ClusterNodes.Node to = nodes.onPort(toPort);
    if (from.port == toPort) {
      throw new IllegalArgumentException(key + " is already served by " + toPort);
    }
    String s = Integer.toString(slot);
    expectOk(cli(to.port, "CLUSTER", "SETSLOT", s, "IMPORTING", from.id));
    expectOk(cli(from.port, "CLUSTER", "SETSLOT", s, "MIGRATING", to.id));
    expectOk(cli(to.port, "CLUSTER", "SETSLOT", s, "NODE", to.id));
    for (int port : ports) {
      if (port != to.port) {
        expectOk(cli(port, "CLUSTER", "SETSLOT", s, "NODE", to.id));
      }
    }
    for (int port : ports) {
      if (ClusterNodes.parse(cli(port, "CLUSTER", "NODES")).ownerOf(slot).port != toPort) {
        throw new IllegalStateException("slot " + slot + " did not move to " + toPort + " on node " + port);
      }
    }
  }

  /** Runs {@code redis-cli -p port args...} and returns its output. */
  public String cli(int port, String... args) {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
    command.addAll(List.of(args));
    try {
      return run(command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void expectOk(String reply) {
    if (!reply.trim().equals("OK")) {
      throw new IllegalStateException("redis-cli answered: " + reply);
    }
  }

  /** Repeats the command until its output contains {@code expected}: the node is ready, not just started. */
  private void awaitOutput(int port, String expected, String... args) throws InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last = cli(port, args);
      } catch (IllegalStateException notListeningYet) {
        // redis-cli exits with 1 on "Connection refused" while the server is still starting (failed a CI run)
        last = notListeningYet.getMessage();
      }
      if (last.contains(expected)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "node " + port + " never answered " + expected + " to " + String.join(" ", args) + "; last: " + last);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not end");
    }
    String text = new String(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
    }
    return text;
  }

  /** Ports the OS hands out for loopback listeners, held open together so they differ. */
  private static int[] freePorts(int count) throws IOException {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets[i].setReuseAddress(true);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          socket.close();
        }
      }
    }
  }
}
