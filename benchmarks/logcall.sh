#!/usr/bin/env bash
# LogCallBenchmark (issue 20) in the five runs its budget compares, one after the other in the same session: no agent;
# Vireo in-process with the collector down (a closed port) and up (otlp_sink.py answering 200); the OpenTelemetry Java
# agent with the collector up and down. Each run: ns/op (wall clock of the calling thread), cpu.caller.norm (CPU of
# the calling thread per call: what the log call costs the application's thread, export threads excluded),
# alloc.caller.norm and the gc figures. JMH options given replace the defaults below.
# Needs: mvn -B -ntp -pl benchmarks/microbenchmarks -am package -DskipTests (byte-buddy-agent and the
# OpenTelemetry agent 2.33.1 in ~/.m2: mvn dependency:get -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:2.33.1).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-benchmarks/microbenchmarks/target/benchmarks.jar}
BOOT=${BOOT:-$PWD/agent-bootstrap/target/agent-bootstrap-0.1.0-SNAPSHOT.jar}
ONLY=${ONLY:-}  # e.g. ONLY="vireo-collector-down vireo-collector-up": just those runs
M2=${M2_REPO:-$HOME/.m2/repository}
BB=$M2/net/bytebuddy/byte-buddy-agent/1.18.17/byte-buddy-agent-1.18.17.jar
OTEL=${OTEL_AGENT:-$M2/io/opentelemetry/javaagent/opentelemetry-javaagent/2.33.1/opentelemetry-javaagent-2.33.1.jar}
PORT=${SINK_PORT:-14318}
OUT=${OUT:-/tmp/logcall-jmh}
if [[ $# -gt 0 ]]; then OPTS=("$@"); else OPTS=(-f 3 -wi 10 -w 1s -i 10 -r 1s); fi
PROF=(-prof dev.vireo.benchmarks.CpuTimeProfiler -prof gc)
mkdir -p "$OUT"
python3 benchmarks/microbenchmarks/otlp_sink.py "$PORT" &
SINK=$!
trap 'kill $SINK' EXIT
VIREO="-Xbootclasspath/a:$BOOT -javaagent:$BB -Dvireo.benchmark.agent=in-process"
run() {
  local name=$1; shift
  if [[ -n "$ONLY" && " $ONLY " != *" $name "* ]]; then return; fi
  echo "== $name, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  java -jar "$JAR" LogCall "${OPTS[@]}" "${PROF[@]}" "$@" -rf text -rff "$OUT/$name.txt" > "$OUT/$name.log" 2>&1
  grep -E 'logInfo +|logInfo:(cpu.caller|alloc.caller|gc.alloc.rate.norm)' "$OUT/$name.txt"
}
run no-agent
run vireo-collector-down -jvmArgsAppend "$VIREO"
run vireo-collector-up -jvmArgsAppend "$VIREO -Dvireo.benchmark.logs.endpoint=http://127.0.0.1:$PORT"
run otel-collector-up -jvmArgsAppend "-javaagent:$OTEL -Dotel.exporter.otlp.endpoint=http://127.0.0.1:$PORT"
run otel-collector-down -jvmArgsAppend "-javaagent:$OTEL -Dotel.exporter.otlp.endpoint=http://127.0.0.1:9"
echo "== done, $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg); full output in $OUT"
