package dev.vireo.instrumentation.jedis3;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands a pipeline or transaction sent since its last {@code sync()} / {@code exec()}: their replies are read
 * there, and the batch is one span there, as the OpenTelemetry agent makes it. Only the first {@link #MAX_KEPT} are
 * kept for the query text (which is bounded anyway); all are counted.
 */
final class Jedis3Batch {

  static final int MAX_KEPT = 256;

  /** {@code PIPELINE} or {@code MULTI} (a transaction), as the agent names the batch. */
  final String kind;
  final List<Jedis3Command> commands = new ArrayList<>();
  int count;
  String sharedName;

  Jedis3Batch(String kind) {
    this.kind = kind;
  }

  void add(Jedis3Command command) {
    if (count == 0) {
      sharedName = command.name;
    } else if (sharedName != null && !sharedName.equals(command.name)) {
      sharedName = null;
    }
    count++;
    if (commands.size() < MAX_KEPT) {
      commands.add(command);
    }
  }
}
