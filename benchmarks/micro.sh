#!/usr/bin/env bash
# JMH micro-benchmarks of the agent's hot paths, then the advised no-op method without and with the Vireo agent.
# Short defaults (2 warm-up + 3 measured 1 s iterations, 1 fork); JMH options given replace them, e.g. -wi 5 -i 10 -f 2.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -o -pl agent,benchmarks/microbenchmarks -am package -DskipTests 2>/dev/null \
    || mvn -B -q -pl agent,benchmarks/microbenchmarks -am package -DskipTests
fi
JAR=benchmarks/microbenchmarks/target/benchmarks.jar
if [[ $# -gt 0 ]]; then OPTS=("$@"); else OPTS=(-wi 2 -i 3 -w 1s -r 1s -f 1); fi
java -jar "$JAR" 'SpanStartEnd|Traceparent|SqlQueryAnalyzer' "${OPTS[@]}" -rf text -rff /tmp/bench-jmh-hot.txt
# A jar without the agent's own classes: an app carrying copies of them is not what is measured here.
ADVISED=benchmarks/microbenchmarks/target/advised-benchmark.jar
java -jar "$ADVISED" AdvisedNoOp "${OPTS[@]}" -rf text -rff /tmp/bench-jmh-off.txt
java -jar "$ADVISED" AdvisedNoOp "${OPTS[@]}" -rf text -rff /tmp/bench-jmh-on.txt \
  -jvmArgsAppend "-javaagent:$PWD/agent/target/vireo-agent.jar -Dotel.traces.exporter=none"
echo; echo "== hot paths"; cat /tmp/bench-jmh-hot.txt
echo; echo "== advised no-op, agent off"; cat /tmp/bench-jmh-off.txt
echo; echo "== advised no-op, agent on (vireo-agent.jar)"; cat /tmp/bench-jmh-on.txt
