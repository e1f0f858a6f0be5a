#!/usr/bin/env bash
# One command: builds what is needed (offline when the local repository has everything), then measures no agent,
# Vireo and the OpenTelemetry Java agent side by side and writes benchmarks/results.md.
# Extra arguments go to the harness, e.g. ./benchmarks/run.sh --rounds=5 --warmup=30 --measure=60
set -euo pipefail
cd "$(dirname "$0")/.."
MODULES=agent,examples/shop,benchmarks/spring-boot-jpa-app,benchmarks/spring-boot-webflux-app,benchmarks/overhead
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  mvn -B -q -o -pl "$MODULES" -am package -DskipTests 2>/dev/null \
    || mvn -B -q -pl "$MODULES" -am package -DskipTests
fi
O=benchmarks/overhead/target
exec java -Dvireo.commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  -cp "$O/classes:$O/lib/*" dev.vireo.benchmarks.overhead.OverheadBenchmark \
  --shop-jar=examples/shop/target/vireo-example-shop.jar \
  --spring-jar=benchmarks/spring-boot-jpa-app/target/vireo-benchmark-spring-boot-jpa-app.jar \
  --webflux-jar=benchmarks/spring-boot-webflux-app/target/vireo-benchmark-spring-boot-webflux-app.jar \
  --vireo-agent=agent/target/vireo-agent.jar \
  --otel-agent="$O/agents/opentelemetry-javaagent.jar" \
  --out=benchmarks/results.md --readme=benchmarks/README.md "$@"
