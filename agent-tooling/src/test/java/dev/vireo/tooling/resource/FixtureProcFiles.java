package dev.vireo.tooling.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@link ProcFiles} answering from in-memory contents and classpath fixtures instead of the real file system. */
final class FixtureProcFiles implements ProcFiles {

  private final Map<String, String> contents = new HashMap<>();
  private final Set<String> existing = new HashSet<>();

  /** Loads {@code kubernetes-fixtures/<fixture>/cgroup} and {@code .../mountinfo} (when present) as /proc/self. */
  static FixtureProcFiles fromFixture(String fixture) {
    FixtureProcFiles files = new FixtureProcFiles();
    files.put(KubernetesResourceDetector.CGROUP_PATH, resource(fixture + "/cgroup"));
    files.put(KubernetesResourceDetector.MOUNTINFO_PATH, resource(fixture + "/mountinfo"));
    return files;
  }

  FixtureProcFiles put(String path, String content) {
    if (content != null) {
      contents.put(path, content);
      existing.add(path);
    }
    return this;
  }

  FixtureProcFiles touch(String path) {
    existing.add(path);
    return this;
  }

  @Override
  public boolean exists(String path) {
    return existing.contains(path);
  }

  @Override
  public String readOrNull(String path) {
    return contents.get(path);
  }

  static String resource(String name) {
    try (InputStream in = FixtureProcFiles.class.getResourceAsStream("/kubernetes-fixtures/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
