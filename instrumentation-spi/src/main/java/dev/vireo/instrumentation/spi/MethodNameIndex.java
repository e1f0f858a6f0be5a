package dev.vireo.instrumentation.spi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every method name that {@link MethodNames} advice was declared with, each given one bit of a {@code long}. The agent
 * reads which of them a class declares methods with once for all of them
 * ({@link TypeHierarchyLookup#declaredMethodNames}); each type instrumentation then tests its own bits.
 */
public final class MethodNameIndex {

  static final int CAPACITY = Long.SIZE;

  private static final MethodNameIndex SHARED = new MethodNameIndex();

  private final Map<String, Long> bits = new LinkedHashMap<>();
  private volatile Table table = new Table(new ArrayList<String>());

  MethodNameIndex() {}

  /** The index every {@link AdvisedTypes} registers its names with, and the agent reads class files against. */
  static MethodNameIndex shared() {
    return SHARED;
  }

  /** The shared index's names now; a newer table replaces it when names are added. */
  public static Table table() {
    return SHARED.current();
  }

  /** The names' bits, giving new names theirs; 0 when one of them cannot have one (all taken, or not ASCII). */
  synchronized long bitsOf(Collection<String> names) {
    int newNames = 0;
    for (String name : names) {
      if (!bits.containsKey(name)) {
        if (!isAscii(name)) {
          return 0;
        }
        newNames++;
      }
    }
    if (bits.size() + newNames > CAPACITY) {
      return 0;
    }
    long result = 0;
    boolean added = false;
    for (String name : names) {
      Long bit = bits.get(name);
      if (bit == null) {
        bit = 1L << bits.size();
        bits.put(name, bit);
        added = true;
      }
      result |= bit;
    }
    if (added) {
      table = new Table(new ArrayList<>(bits.keySet()));
    }
    return result;
  }

  Table current() {
    return table;
  }

  /** Class names and method names are nearly always ASCII, whose modified UTF-8 is the same bytes. */
  private static boolean isAscii(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == 0 || c > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** The names by length, for comparing constant pool entries without making strings of them. */
  public static final class Table {
    private final byte[][][] namesByLength;
    private final long[][] bitsByLength;

    Table(List<String> names) {
      int longest = 0;
      for (String name : names) {
        longest = Math.max(longest, name.length());
      }
      namesByLength = new byte[longest + 1][][];
      bitsByLength = new long[longest + 1][];
      for (int bit = 0; bit < names.size(); bit++) {
        byte[] bytes = names.get(bit).getBytes(StandardCharsets.US_ASCII);
        int length = bytes.length;
        byte[][] sameLength = namesByLength[length];
        long[] sameLengthBits = bitsByLength[length];
        int at = sameLength == null ? 0 : sameLength.length;
        namesByLength[length] = sameLength = at == 0 ? new byte[1][] : Arrays.copyOf(sameLength, at + 1);
        bitsByLength[length] = sameLengthBits = at == 0 ? new long[1] : Arrays.copyOf(sameLengthBits, at + 1);
        sameLength[at] = bytes;
        sameLengthBits[at] = 1L << bit;
      }
    }

    /** The bit of the name held in {@code bytes[offset, offset + length)}, or 0 if it is none of them. */
    public long bitOf(byte[] bytes, int offset, int length) {
      if (length >= namesByLength.length) {
        return 0;
      }
      byte[][] candidates = namesByLength[length];
      if (candidates == null) {
        return 0;
      }
      for (int i = 0; i < candidates.length; i++) {
        if (sameBytes(candidates[i], bytes, offset)) {
          return bitsByLength[length][i];
        }
      }
      return 0;
    }

    private static boolean sameBytes(byte[] name, byte[] bytes, int offset) {
      for (int i = 0; i < name.length; i++) {
        if (name[i] != bytes[offset + i]) {
          return false;
        }
      }
      return true;
    }
  }
}
