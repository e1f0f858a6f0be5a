package dev.vireo.tooling.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.tooling.install.modulefixture.FixtureModule;
import dev.vireo.tooling.install.otelfixture.OtelFixtureModule;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ModuleClassLoaderTest {

  private final URL testClasses = ModuleClassLoaderTest.class.getProtectionDomain().getCodeSource().getLocation();

  @Test
  void libraryClassesComeFromTheApplicationEvenWhenTheAgentHasThemToo() throws Exception {
    try (URLClassLoader agent = isolatedLoader();
        URLClassLoader application = isolatedLoader()) {
      ModuleClassLoader moduleLoader = new ModuleClassLoader(classesOf(agent), agent, application);

      Class<?> library = moduleLoader.loadClass("libfixture.LibraryType");

      assertThat(library.getClassLoader()).isSameAs(application);
      assertThat(library).isNotSameAs(agent.loadClass("libfixture.LibraryType"));
    }
  }

  @Test
  void agentPackagesComeFromTheAgentEvenWhenTheApplicationHasThemToo() throws Exception {
    try (URLClassLoader agent = isolatedLoader();
        URLClassLoader application = isolatedLoader()) {
      ModuleClassLoader moduleLoader = new ModuleClassLoader(classesOf(agent), agent, application);

      assertThat(moduleLoader.loadClass("dev.vireo.tooling.fixture.AgentSideType").getClassLoader()).isSameAs(agent);
    }
  }

  @Test
  void aLibraryClassOnlyTheAgentHasStillResolves() throws Exception {
    try (URLClassLoader agent = isolatedLoader();
        URLClassLoader application = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      ModuleClassLoader moduleLoader = new ModuleClassLoader(classesOf(agent), agent, application);

      assertThat(moduleLoader.loadClass("libfixture.LibraryType").getClassLoader()).isSameAs(agent);
    }
  }

  @Test
  void helperPackageClassesAreTheModulesOwnPerLoader() throws Exception {
    try (URLClassLoader agent = isolatedLoader();
        URLClassLoader application = isolatedLoader()) {
      ModuleClassLoader first = new ModuleClassLoader(classesOf(agent), agent, application);
      ModuleClassLoader second = new ModuleClassLoader(classesOf(agent), agent, application);

      Class<?> core = first.loadClass("dev.vireo.tooling.install.helperfixture.SharedCore");

      assertThat(core.getClassLoader()).isSameAs(first);
      assertThat(second.loadClass("dev.vireo.tooling.install.helperfixture.SharedCore")).isNotSameAs(core);
    }
  }

  @Test
  void helperPackagesAreListedAndCheckedAgainstTheLibrary() throws Exception {
    try (URLClassLoader agent = isolatedLoader()) {
      ModuleClasses classes = classesOf(agent);

      assertThat(classes.names())
          .contains("dev.vireo.tooling.install.modulefixture.FixtureModule", "dev.vireo.tooling.install.helperfixture.SharedCore");
      assertThat(LibraryReferences.of(classes).types).contains("libfixture/LibraryType");
      assertThat(LibraryReferences.of(classes).isLibraryType("dev/vireo/tooling/install/helperfixture/SharedCore", false)).isFalse();
    }
  }

  @Test
  void applicationFacingClassesSeeTheApplicationsOpenTelemetryAndTheModulesOtherHalf() throws Exception {
    try (URLClassLoader agent = isolatedLoader();
        URLClassLoader application = isolatedLoader()) {
      ModuleClasses classes = new ModuleClasses(new OtelFixtureModule(), agent);
      ModuleClassLoader moduleLoader = new ModuleClassLoader(classes, agent, application);

      Class<?> facing = moduleLoader.loadClass("dev.vireo.tooling.install.otelfixture.application.ApplicationFacing");
      Class<?> agentFacing = moduleLoader.loadClass("dev.vireo.tooling.install.otelfixture.AgentFacing");

      assertThat(facing.getClassLoader()).isInstanceOf(ApplicationOpenTelemetryClassLoader.class);
      assertThat(agentFacing.getClassLoader()).isSameAs(moduleLoader);
      assertThat(((Class<?>) facing.getMethod("apiType").invoke(null)).getClassLoader()).isSameAs(application);
      assertThat(((Class<?>) agentFacing.getMethod("apiType").invoke(null)).getClassLoader()).isSameAs(agent);
      assertThat(facing.getMethod("agentFacing").invoke(null)).isSameAs(agentFacing);
      // the application's API is checked for the application-facing half only
      assertThat(LibraryReferences.of(classes).types).contains("io/opentelemetry/fixture/ApiType");
    }
  }

  private static ModuleClasses classesOf(ClassLoader agent) {
    return new ModuleClasses(new FixtureModule(), agent);
  }

  /** Sees the test classes (and the JDK), nothing of this test's class path. */
  private URLClassLoader isolatedLoader() {
    return new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader());
  }
}
