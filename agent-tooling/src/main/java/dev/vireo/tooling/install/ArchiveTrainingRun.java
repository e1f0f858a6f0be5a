package dev.vireo.tooling.install;

import java.util.List;

/**
 * A JVM that writes an AOT cache or a CDS archive for later runs: JDK 24+'s training run ({@code
 * -XX:AOTCacheOutput=...}, {@code -XX:AOTMode=record} or {@code create}), or a CDS dump. The agent changes no class
 * in such a run. Temurin 25 crashes writing the cache when an agent has retransformed one of the JVM's core classes
 * ({@code java.lang.Thread}: SIGSEGV in {@code SystemDictionaryShared::serialize_vm_classes}), and a cache that left
 * out the application classes an agent changed crashes the run that uses it, before any agent code runs (in {@code
 * AOTLinkedClassBulkLoader}). Untouched, the cache holds the application's classes as they are, and the runs that use
 * it instrument them as they load.
 */
public final class ArchiveTrainingRun {

  private ArchiveTrainingRun() {}

  public static boolean writesArchive(List<String> jvmArguments) {
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
