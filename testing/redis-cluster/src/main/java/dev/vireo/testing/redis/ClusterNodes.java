package dev.vireo.testing.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * A node's view of the cluster from its {@code CLUSTER NODES} reply: one line per node, {@code <id>
 * <ip:port@bus-port> <flags> <master> <ping> <pong> <epoch> <link> <slot or range> ...}.
 */
final class ClusterNodes {

  private final List<Node> nodes;

  private ClusterNodes(List<Node> nodes) {
    this.nodes = nodes;
  }

  static ClusterNodes parse(String reply) {
    List<Node> nodes = new ArrayList<>();
    for (String line : reply.split("\n")) {
      String[] fields = line.trim().split(" ");
      if (fields.length < 8) {
        continue;
      }
      String address = fields[1];
      int colon = address.lastIndexOf(':');
      int at = address.indexOf('@', colon);
      int port = Integer.parseInt(address.substring(colon + 1, at < 0 ? address.length() : at));
      Node node = new Node(fields[0], port);
      for (int i = 8; i < fields.length; i++) {
        String slots = fields[i];
        if (slots.startsWith("[")) {
          continue; // a slot being imported or migrated: not owned yet
        }
        int dash = slots.indexOf('-');
        if (dash < 0) {
          int slot = Integer.parseInt(slots);
          node.ranges.add(new int[] {slot, slot});
        } else {
          node.ranges.add(new int[] {Integer.parseInt(slots.substring(0, dash)), Integer.parseInt(slots.substring(dash + 1))});
        }
      }
      nodes.add(node);
    }
    return new ClusterNodes(nodes);
  }

  Node ownerOf(int slot) {
    for (Node node : nodes) {
      for (int[] range : node.ranges) {
        if (slot >= range[0] && slot <= range[1]) {
          return node;
        }
      }
    }
    throw new IllegalStateException("no node serves slot " + slot + " in " + nodes);
  }

  Node onPort(int port) {
    for (Node node : nodes) {
      if (node.port == port) {
        return node;
      }
    }
    throw new IllegalArgumentException("no node on port " + port + " in " + nodes);
  }

  static final class Node {
    final String id;
    final int port;
    final List<int[]> ranges = new ArrayList<>();

    Node(String id, int port) {
      this.id = id;
      this.port = port;
    }

    @Override
    public String toString() {
      return id + "@" + port;
    }
  }
}
