package dev.vireo.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The regular files of a tar archive, by name (without a leading "./"), with their bytes and mode. */
final class TarEntries {

  record Entry(byte[] content, int mode) {}

  private final Map<String, Entry> entries;

  private TarEntries(Map<String, Entry> entries) {
    this.entries = entries;
  }

  static TarEntries of(Path tar) throws IOException {
    try (InputStream in = Files.newInputStream(tar)) {
      return read(in);
    }
  }

  static TarEntries ofGzip(byte[] tarGz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
      return read(in);
    }
  }

  private static TarEntries read(InputStream in) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
      entries.put(name, new Entry(entry.isFile() ? tar.readAllBytes() : null, entry.getMode()));
    }
    return new TarEntries(entries);
  }

  Map<String, Entry> all() {
    return entries;
  }

  byte[] content(String name) {
    Entry entry = entries.get(name);
    if (entry == null || entry.content() == null) {
      throw new AssertionError("no file " + name + " in " + entries.keySet());
    }
    return entry.content();
  }
}
