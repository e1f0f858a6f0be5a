package dev.vireo.tooling.install;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.tooling.BackgroundTask;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Empties the type matching caches, and the advice resolved per loader, once classes stop being transformed. They
 * pay off while an application loads thousands of classes at start-up; afterwards nothing reads them, yet they held
 * about 5 MB of the example shop's heap for good: a cached type description keeps the type pool of the
 * transformation that parsed it, with that class's bytes and its own descriptions. A class loaded later only refills
 * what its matching needs. One daemon thread checks every {@link #CHECK_MILLIS}; where classes load, the cost is one
 * volatile write.
 */
final class IdleCacheRelease implements Runnable {

  static final long CHECK_MILLIS = 2_000;

  private final TypeDescriptionCache descriptions;
  private final ClassHeaderHierarchy headers;
  private final List<Runnable> otherReleases = new CopyOnWriteArrayList<>();
  private volatile long transformations;
  private long seenAtLastCheck = -1;
  private boolean released;

  IdleCacheRelease(TypeDescriptionCache descriptions, ClassHeaderHierarchy headers) {
    this.descriptions = descriptions;
    this.headers = headers;
  }

  /** Something else to release with the type caches: resolved advice, the agent jar's class-name listing. */
  void alsoRelease(Runnable release) {
    otherReleases.add(release);
  }

  /** A class is being matched: the caches are in use. Racy increments lose counts, never the change itself. */
  void used() {
    transformations++;
  }

  void start() {
    BackgroundTask.start("vireo-type-cache-release", this);
  }

  @Override
  public void run() {
    while (true) {
      try {
        Thread.sleep(CHECK_MILLIS); // a periodic check, not a wait for an event
        check();
      } catch (InterruptedException stop) {
        return;
      } catch (Throwable unexpected) {
        VireoLog.debug("type cache release failed: {}", unexpected.toString());
      }
    }
  }

  /**
   * One check: releases the caches when no class was matched since the previous check and they were used since
   * the last release. Returns whether it released them. Package-private for tests.
   */
  boolean check() {
    long now = transformations;
    boolean quiet = now == seenAtLastCheck;
    if (!quiet) {
      released = false;
    }
    seenAtLastCheck = now;
    if (quiet && !released) {
      descriptions.clear();
      headers.clear();
      for (Runnable release : otherReleases) {
        release.run();
      }
      released = true;
      VireoLog.debug("no class transformed for {} s: type caches released", CHECK_MILLIS / 1000);
      return true;
    }
    return false;
  }
}
