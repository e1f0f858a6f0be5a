package dev.vireo.instrumentation.api.semconv.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeFunctionTest {

  static class Refresher implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void namesAreTheClassesSimpleNamesAsTheOpenTelemetryAgentWritesThem() {
    assertThat(new CodeFunction(CodeFunctionTest.class, "run").spanName()).isEqualTo("CodeFunctionTest.run");
    // a nested class: its own simple name
    assertThat(new CodeFunction(Refresher.class, "run").spanName()).isEqualTo("Refresher.run");
    // an anonymous class: its binary name without the package
    Runnable anonymous =
        new Runnable() {
          @Override
          public void run() {}
        };
    assertThat(new CodeFunction(anonymous.getClass(), "run").spanName()).isEqualTo("CodeFunctionTest$1.run");
    // a lambda: up to $$Lambda, without the number and address that change from run to run
    Runnable lambda = () -> {};
    assertThat(new CodeFunction(lambda.getClass(), "run").spanName()).isEqualTo("CodeFunctionTest$$Lambda.run");
  }
}
