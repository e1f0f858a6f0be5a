package dev.vireo.tooling.install;

import java.util.Arrays;
import java.util.List;

/**
 * A JVM that writes an AOT cache or a CDS archive for later runs: JDK 24+'s training run ({@code
 * -XX:AOTCacheOutput=...}, {@code -XX:AOTMode=record} or {@code create}), or a CDS dump. Such an archive holds the
 * JVM's own core classes, among them {@code java.lang.Thread} and the virtual thread classes, and JDK 25 crashes when
 * it writes the archive if an agent has retransformed one of them (SIGSEGV in {@code
 * SystemDictionaryShared::serialize_vm_classes}, at the training run's exit). In such a run the agent leaves the
 * core classes it would instrument alone: the run only trains the cache, and the runs that use the cache are
 * instrumented in full.
 */
final class ArchiveTrainingRun {

  /** The JVM's core classes that the agent instruments (executors: threads carry their starter's context). */
  static final List<String> CORE_CLASSES_LEFT_ALONE = Arrays.asList("java.lang.Thread", "java.lang.VirtualThread");

  private ArchiveTrainingRun() {}

  static boolean writesArchive(List<String> jvmArguments) {
    for (String argument : jvmArguments) {
      if (argument.startsWith("-XX:AOTCacheOutput=")
          || argument.equals("-XX:AOTMode=record")
          || argument.equals("-XX:AOTMode=create")
          || argument.startsWith("-XX:ArchiveClassesAtExit=")
          || argument.equals("-Xshare:dump")) {
        return true;
      }
    }
    return false;
  }
}
