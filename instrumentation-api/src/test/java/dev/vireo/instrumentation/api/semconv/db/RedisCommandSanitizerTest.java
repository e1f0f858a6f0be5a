package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisCommandSanitizerTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET | k | GET k",
        "get | k | get k",
        "DEL | k1 k2 | DEL k1 k2",
        "SET | k v | SET k ?",
        "SET | k v EX 10 | SET k ? ? ?",
        "SETEX | k 10 v | SETEX k 10 ?",
        "AUTH | secret | AUTH ?",
        "AUTH | user secret | AUTH ? ?",
        "NEWCOMMAND | a b | NEWCOMMAND ? ?",
        "HELLO | 3 AUTH user pass | HELLO 3 AUTH ? ?",
        "HSET | h f1 v1 f2 v2 | HSET h f1 ? f2 ?",
        "HMSET | h f1 v1 | HMSET h f1 ?",
        "MSET | k1 v1 k2 v2 | MSET k1 ? k2 ?",
        "XADD | s * f1 v1 f2 v2 | XADD s * f1 ? f2 ?",
        "EVAL | script 2 k1 k2 a1 | EVAL script 2 k1 k2 ?",
        "EVALSHA | sha 0 a1 a2 | EVALSHA sha 0 ? ?",
        "EVAL | script x k1 | EVAL script x ?",
        "MIGRATE | h 6379 k 0 5000 AUTH pw | MIGRATE h 6379 k 0 5000 AUTH ?",
        "CONFIG | SET requirepass pw | CONFIG SET requirepass ?",
        "LPUSH | l a b | LPUSH l ? ?",
        "ZADD | z 1 a 2 b | ZADD z ? ? ? ?",
        "SMOVE | s1 s2 m | SMOVE s1 s2 ?",
        "PING | | PING"
      })
  void keepsWhatTheOpenTelemetryAgentKeeps(String command, String args, String expected) {
    assertThat(RedisCommandSanitizer.queryText(command, args == null ? null : Arrays.asList(args.split(" ")), true))
        .isEqualTo(expected);
  }

  @Test
  void bytesAreReadAsUtf8() {
    assertThat(RedisCommandSanitizer.queryText(
            "GET", Collections.singletonList("clé".getBytes(StandardCharsets.UTF_8)), true))
        .isEqualTo("GET clé");
  }

  @Test
  void keepsEveryArgumentWithoutSanitization() {
    assertThat(RedisCommandSanitizer.queryText("AUTH", Arrays.asList("user", "secret"), false))
        .isEqualTo("AUTH user secret");
  }
}
