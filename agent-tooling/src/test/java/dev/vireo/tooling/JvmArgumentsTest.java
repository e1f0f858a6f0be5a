package dev.vireo.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmArgumentsTest {

  @Test
  void commandLineIsThisJvmsOwn() {
    List<String> commandLine = JvmArguments.commandLine();
    assertThat(commandLine).isNotEmpty();
    assertThat(commandLine.get(0)).contains("java");
    List<String> fromEnvironment = new ArrayList<>();
    for (String variable : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
      String value = System.getenv(variable);
      if (value != null) {
        fromEnvironment.addAll(Arrays.asList(value.trim().split("\\s+")));
      }
    }
    List<String> expected = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
    expected.removeAll(fromEnvironment); // the JVM reads these from the environment, not its command line
    assertThat(commandLine).containsAll(expected);
  }

  @Test
  void environmentOptionsAreSplitIntoTokens() {
    List<String> arguments = new ArrayList<>();
    JvmArguments.addTokens(arguments, "  -Xmx1g   -XX:AOTCacheOutput=app.aot ");
    JvmArguments.addTokens(arguments, null);
    assertThat(arguments).containsExactly("-Xmx1g", "-XX:AOTCacheOutput=app.aot");
  }
}
