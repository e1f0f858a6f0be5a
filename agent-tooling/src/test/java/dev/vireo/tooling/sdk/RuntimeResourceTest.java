package dev.vireo.tooling.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import java.io.File;
import org.junit.jupiter.api.Test;

/** The resource keys Vireo reads from the JVM, named as the OpenTelemetry agent names them. */
class RuntimeResourceTest {

  @Test
  void hostOsAndProcessAsTheOpenTelemetryAgentNamesThem() {
    Resource resource = RuntimeResource.create();

    assertThat(resource.getAttribute(AttributeKey.stringKey("host.arch"))).isEqualTo(System.getProperty("os.arch"));
    assertThat(resource.getAttribute(AttributeKey.stringKey("os.version"))).isEqualTo(System.getProperty("os.version"));
    assertThat(resource.getAttribute(AttributeKey.stringKey("os.type"))).isEqualTo("linux");
    String executable = resource.getAttribute(AttributeKey.stringKey("process.executable.path"));
    assertThat(executable)
        .isEqualTo(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    assertThat(new File(executable)).canRead();
    assertThat(resource.getAttribute(AttributeKey.longKey("process.pid"))).isEqualTo(ProcessHandle.current().pid());
    // never the command line: -D values may be secrets
    assertThat(resource.getAttributes().asMap().keySet())
        .extracting(AttributeKey::getKey)
        .doesNotContain("process.command_args", "process.command_line");
  }

  @Test
  void windowsLauncherHasItsSuffix() {
    assertThat(RuntimeResource.executablePath("C:\\jdk", "Windows Server 2022"))
        .isEqualTo("C:\\jdk" + File.separator + "bin" + File.separator + "java.exe");
    assertThat(RuntimeResource.executablePath("/opt/jdk", "Linux")).isEqualTo("/opt/jdk/bin/java");
  }
}
