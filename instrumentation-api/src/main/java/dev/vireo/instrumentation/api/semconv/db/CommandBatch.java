package dev.vireo.instrumentation.api.semconv.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The commands a client queued for one batch (a Redis pipeline or transaction), as the batch rule needs them: the
 * first {@link #MAX_KEPT} for the query text (which is bounded anyway), every one counted, and the command name they
 * all share. Used by one thread at a time, as a client's pipeline is.
 *
 * @param <C> a command as the client has it
 */
public final class CommandBatch<C> {

  public static final int MAX_KEPT = 256;

  private final String name;
  private final List<C> commands = new ArrayList<>();
  private int count;
  private String sharedName;

  /** @param name what the system calls this batch ({@code PIPELINE}, {@code MULTI}; see {@link DbBatchNames}) */
  public CommandBatch(String name) {
    this.name = name;
  }

  public void add(C command, String commandName) {
    if (count == 0) {
      sharedName = commandName;
    } else if (sharedName != null && !sharedName.equals(commandName)) {
      sharedName = null;
    }
    count++;
    if (commands.size() < MAX_KEPT) {
      commands.add(command);
    }
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** The batch's name ({@code DbCommandAttributesGetter.batchName}). */
  public String name() {
    return name;
  }

  /** The first {@link #MAX_KEPT} commands, in order. */
  public List<C> commands() {
    return Collections.unmodifiableList(commands);
  }

  /** The command every command of the batch is; null when they differ. */
  public String sharedName() {
    return sharedName;
  }

  /** {@code db.operation.batch.size}: null for a batch of one, which is not a batch. */
  public Long batchSize() {
    return count > 1 ? Long.valueOf(count) : null;
  }
}
