package dev.vireo.instrumentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VireoTelemetryTest {

  private final OpenTelemetry built = OpenTelemetry.noop();

  @AfterEach
  void uninstall() {
    VireoTelemetry.install(OpenTelemetry::noop);
  }

  @Test
  void aSetupWaitsForTheBuildWithoutCausingIt() {
    List<String> calls = new ArrayList<>();
    VireoTelemetry.install(
        () -> {
          calls.add("built");
          return built;
        });

    VireoTelemetry.whenBuilt(telemetry -> calls.add(telemetry == built ? "setup" : "setup with another"));

    assertThat(calls).isEmpty();
    assertThat(VireoTelemetry.isAwaited()).isTrue();
    assertThat(VireoTelemetry.get()).isSameAs(built);
    assertThat(calls).containsExactly("built", "setup");
    assertThat(VireoTelemetry.isAwaited()).isFalse();
    VireoTelemetry.get();
    assertThat(calls).containsExactly("built", "setup");
  }

  @Test
  void onceBuiltASetupRunsAtOnce() {
    VireoTelemetry.install(() -> built);
    VireoTelemetry.get();
    List<OpenTelemetry> seen = new ArrayList<>();

    VireoTelemetry.whenBuilt(seen::add);

    assertThat(seen).containsExactly(built);
  }

  @Test
  void aFailingSetupNeitherStopsTheOthersNorReachesTheCaller() {
    VireoTelemetry.install(() -> built);
    List<String> calls = new ArrayList<>();
    VireoTelemetry.whenBuilt(
        telemetry -> {
          throw new IllegalStateException("broken setup");
        });
    VireoTelemetry.whenBuilt(telemetry -> calls.add("second"));

    assertThat(VireoTelemetry.get()).isSameAs(built);
    assertThat(calls).containsExactly("second");
  }
}
