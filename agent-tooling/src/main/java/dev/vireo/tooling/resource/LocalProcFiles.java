package dev.vireo.tooling.resource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** {@link ProcFiles} backed by the local file system. */
public final class LocalProcFiles implements ProcFiles {

  /** mountinfo of a busy node can be large, but anything past this is not a file we understand. */
  private static final int MAX_BYTES = 4 * 1024 * 1024;

  @Override
  public boolean exists(String path) {
    try {
      return Files.exists(Paths.get(path));
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String readOrNull(String path) {
    Path file = Paths.get(path);
    // procfs reports a size of 0, so read to end of stream rather than trusting Files.size.
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_BYTES) {
          return null;
        }
      }
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
