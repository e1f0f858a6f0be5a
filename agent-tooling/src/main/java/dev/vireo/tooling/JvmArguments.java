package dev.vireo.tooling;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The JVM's own arguments: its command line, and the options it reads from the environment. */
public final class JvmArguments {

  private JvmArguments() {}

  /** The command line, then the tokens of {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS}. */
  public static List<String> read() {
    List<String> arguments = commandLine();
    addTokens(arguments, System.getenv("JAVA_TOOL_OPTIONS"));
    addTokens(arguments, System.getenv("JDK_JAVA_OPTIONS"));
    return arguments;
  }

  /**
   * The JVM's command line. On Linux from /proc/self/cmdline: a file read, where the RuntimeMXBean
   * would load JMX during premain (60-300 ms measured); elsewhere from the RuntimeMXBean.
   */
  static List<String> commandLine() {
    List<String> arguments = new ArrayList<>();
    File cmdline = new File("/proc/self/cmdline");
    if (cmdline.canRead()) {
      try {
        byte[] bytes = Files.readAllBytes(cmdline.toPath());
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
          if (i == bytes.length || bytes[i] == 0) {
            if (i > start) {
              arguments.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
            }
            start = i + 1;
          }
        }
        return arguments;
      } catch (Exception unreadable) {
        arguments.clear();
      }
    }
    try {
      arguments.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    } catch (RuntimeException | Error unavailable) {
      // no java.management module: the environment variables still count
    }
    return arguments;
  }

  static void addTokens(List<String> arguments, String options) {
    if (options != null) {
      for (String token : options.trim().split("\\s+")) {
        if (!token.isEmpty()) {
          arguments.add(token);
        }
      }
    }
  }
}
