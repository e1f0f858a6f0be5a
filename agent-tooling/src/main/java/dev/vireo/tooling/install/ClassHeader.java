package dev.vireo.tooling.install;

import dev.vireo.instrumentation.spi.MethodNameIndex;

/**
 * What a class file says about its place in the type hierarchy: access flags, super class and interfaces. Read
 * from the constant pool and the few fields after it, without looking at fields, methods or attributes. Also which
 * of the advised method names it declares methods with ({@link #declaredMethodNames}).
 */
final class ClassHeader {

  private static final int ACC_INTERFACE = 0x0200;
  private static final String[] NONE = new String[0];

  final boolean isInterface;
  /** Binary name ({@code a.b.C$D}); null for {@code java.lang.Object} and module-info. */
  final String superName;

  final String[] interfaceNames;

  private ClassHeader(boolean isInterface, String superName, String[] interfaceNames) {
    this.isInterface = isInterface;
    this.superName = superName;
    this.interfaceNames = interfaceNames;
  }

  /** Throws IllegalArgumentException for bytes that are not a well-formed class file header. */
  static ClassHeader parse(byte[] bytes) {
    try {
      int count = constantPoolCount(bytes);
      int[] offsets = new int[count]; // of each entry's first byte after the tag
      int at = 10;
      for (int i = 1; i < count; i++) {
        offsets[i] = at + 1;
        if (takesTwoSlots(bytes[at])) {
          i++;
        }
        at = entryEnd(bytes, at);
      }
      int access = u2(bytes, at);
      int superIndex = u2(bytes, at + 4);
      int interfaceCount = u2(bytes, at + 6);
      String[] interfaces = interfaceCount == 0 ? NONE : new String[interfaceCount];
      for (int i = 0; i < interfaceCount; i++) {
        interfaces[i] = className(bytes, offsets, u2(bytes, at + 8 + 2 * i));
      }
      String superName = superIndex == 0 ? null : className(bytes, offsets, superIndex);
      return new ClassHeader((access & ACC_INTERFACE) != 0, superName, interfaces);
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("truncated class file", e);
    }
  }

  /**
   * The bits of the {@code names} that are names of methods the class declares: the constant pool is searched for
   * them, and only if some are there, the method table. Throws IllegalArgumentException for bytes that are not a
   * well-formed class file.
   */
  static long declaredMethodNames(byte[] bytes, MethodNameIndex.Table names) {
    try {
      int count = constantPoolCount(bytes);
      int at = 10;
      long[] bitsByIndex = null; // of the UTF-8 entries that hold one of the names
      for (int i = 1; i < count; i++) {
        if (bytes[at] == 1) { // Utf8
          int length = u2(bytes, at + 1);
          long bit = names.bitOf(bytes, at + 3, length);
          if (bit != 0) {
            if (bitsByIndex == null) {
              bitsByIndex = new long[count];
            }
            bitsByIndex[i] = bit;
          }
          at += 3 + length;
        } else {
          if (takesTwoSlots(bytes[at])) {
            i++;
          }
          at = entryEnd(bytes, at);
        }
      }
      if (bitsByIndex == null) {
        return 0;
      }
      at += 6; // access flags, this class, super class
      at += 2 + 2 * u2(bytes, at); // interfaces
      int fields = u2(bytes, at);
      at += 2;
      for (int i = 0; i < fields; i++) {
        at = memberEnd(bytes, at);
      }
      int methods = u2(bytes, at);
      at += 2;
      long declared = 0;
      for (int i = 0; i < methods; i++) {
        declared |= bitsByIndex[u2(bytes, at + 2)];
        at = memberEnd(bytes, at);
      }
      return declared;
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("truncated class file", e);
    }
  }

  /** The constant pool's count, after checking that the bytes start as a class file does. */
  private static int constantPoolCount(byte[] bytes) {
    if (u4(bytes, 0) != 0xCAFEBABE) {
      throw new IllegalArgumentException("not a class file");
    }
    return u2(bytes, 8);
  }

  /** The offset just past the field or method whose access flags are at {@code at}. */
  private static int memberEnd(byte[] bytes, int at) {
    int attributes = u2(bytes, at + 6);
    at += 8;
    for (int i = 0; i < attributes; i++) {
      at += 6 + u4(bytes, at + 2);
    }
    return at;
  }

  private static boolean takesTwoSlots(byte tag) {
    return tag == 5 || tag == 6; // Long, Double
  }

  /** The offset just past the constant pool entry whose tag is at {@code at}. */
  private static int entryEnd(byte[] bytes, int at) {
    int tag = bytes[at] & 0xFF;
    switch (tag) {
      case 1: // Utf8
        return at + 3 + u2(bytes, at + 1);
      case 3: // Integer
      case 4: // Float
      case 9: // Fieldref
      case 10: // Methodref
      case 11: // InterfaceMethodref
      case 12: // NameAndType
      case 17: // Dynamic
      case 18: // InvokeDynamic
        return at + 5;
      case 5: // Long
      case 6: // Double
        return at + 9;
      case 7: // Class
      case 8: // String
      case 16: // MethodType
      case 19: // Module
      case 20: // Package
        return at + 3;
      case 15: // MethodHandle
        return at + 4;
      default:
        throw new IllegalArgumentException("constant pool tag " + tag);
    }
  }

  private static String className(byte[] bytes, int[] offsets, int classIndex) {
    int utf8 = offsets[u2(bytes, offsets[classIndex])];
    return modifiedUtf8(bytes, utf8 + 2, u2(bytes, utf8)).replace('/', '.');
  }

  /** The class file's "modified UTF-8"; class names are nearly always ASCII, which takes the first branch only. */
  private static String modifiedUtf8(byte[] bytes, int from, int length) {
    char[] chars = new char[length];
    int count = 0;
    int at = from;
    int end = from + length;
    while (at < end) {
      int b = bytes[at++] & 0xFF;
      if (b < 0x80) {
        chars[count++] = (char) b;
      } else if ((b & 0xE0) == 0xC0) {
        chars[count++] = (char) (((b & 0x1F) << 6) | (bytes[at++] & 0x3F));
      } else {
        chars[count++] = (char) (((b & 0x0F) << 12) | ((bytes[at++] & 0x3F) << 6) | (bytes[at++] & 0x3F));
      }
    }
    return new String(chars, 0, count);
  }

  private static int u2(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
  }

  private static int u4(byte[] bytes, int at) {
    return (u2(bytes, at) << 16) | u2(bytes, at + 2);
  }
}
