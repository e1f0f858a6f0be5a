package dev.vireo.instrumentation.lettuce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A command's arguments from Lettuce's {@code CommandArgs.toCommandString()}, the one rendering its
 * public API offers in every version: arguments separated by spaces, keys and values written
 * through the codec as {@code key<...>} and {@code value<...>} (which may hold spaces), byte arrays
 * in Base64.
 */
final class LettuceArguments {

  private LettuceArguments() {}

  static List<String> split(String commandString) {
    if (commandString == null || commandString.isEmpty()) {
      return Collections.emptyList();
    }
    List<String> args = new ArrayList<>();
    int i = 0;
    int length = commandString.length();
    while (i < length) {
      if (commandString.charAt(i) == ' ') {
        i++;
        continue;
      }
      int wrapped = wrappedStart(commandString, i);
      if (wrapped > 0) {
        // up to the first '>' that ends the string or is followed by a space
        int end = commandString.indexOf('>', wrapped);
        while (end >= 0 && end + 1 < length && commandString.charAt(end + 1) != ' ') {
          end = commandString.indexOf('>', end + 1);
        }
        if (end >= 0) {
          args.add(commandString.substring(wrapped, end));
          i = end + 1;
          continue;
        }
      }
      int end = commandString.indexOf(' ', i);
      if (end < 0) {
        end = length;
      }
      args.add(commandString.substring(i, end));
      i = end;
    }
    return args;
  }

  /** Where the content of a {@code key<} or {@code value<} token at {@code i} starts, else -1. */
  private static int wrappedStart(String text, int i) {
    if (text.startsWith("key<", i)) {
      return i + 4;
    }
    if (text.startsWith("value<", i)) {
      return i + 6;
    }
    return -1;
  }
}
