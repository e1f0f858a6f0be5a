#!/usr/bin/env bash
# CPU per request of the Spring Boot JPA app (GET /orders/1: a repository find, a derived query, a Thymeleaf view),
# where the Hibernate spans add three INTERNAL spans per request: no agent, Vireo, Vireo with its Hibernate modules
# off, and the OpenTelemetry agent (with its stable database conventions, whose Hibernate span names Vireo follows),
# in turns, ROUNDS times (default 2). Each app: started, 40 s of load from 2 client threads, then the app's user+sys
# CPU over 30 s of load divided by the requests answered. Exporters none (spans are made, not exported). Prints
# "round arm requests cpu_ms cpu_us_per_request". Needs the built jars (./benchmarks/run.sh builds them). About 6
# minutes per round on 2 cores.
# METRICS=otlp exports metrics (to a port nobody listens on: the first export is due after the measurement), and
# ARMS picks the arms: the HikariCP pool metrics' cost is
#   METRICS=otlp ARMS="vireo vireo-no-hikaricp otel" ./benchmarks/jpa-per-request.sh 3
set -euo pipefail
cd "$(dirname "$0")/.."
APP=benchmarks/spring-boot-jpa-app/target/vireo-benchmark-spring-boot-jpa-app.jar
VIREO=agent/target/vireo-agent.jar
OTEL=benchmarks/overhead/target/agents/opentelemetry-javaagent.jar
LOGS=$(mktemp -d)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
agent_options() {
  case $1 in
    none) ;;
    vireo) echo "-javaagent:$VIREO" ;;
    vireo-no-hibernate) echo "-javaagent:$VIREO -Dotel.instrumentation.hibernate.enabled=false" ;;
    vireo-no-hikaricp) echo "-javaagent:$VIREO -Dotel.instrumentation.hikaricp.enabled=false" ;;
    otel) echo "-javaagent:$OTEL -Dotel.semconv-stability.opt-in=database" ;;
  esac
}
port=18300
for round in $(seq 1 "${1:-2}"); do
  for arm in ${ARMS:-none vireo vireo-no-hibernate otel}; do
    port=$((port + 1))
    # shellcheck disable=SC2046 # the options are words
    java $(agent_options $arm) -Dotel.traces.exporter=none -Dotel.metrics.exporter="${METRICS:-none}" -Dotel.logs.exporter=none \
      -Dotel.exporter.otlp.endpoint=http://127.0.0.1:9 \
      -Xmx512m -jar "$APP" --server.port=$port > "$LOGS/$arm-$round.log" 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/orders/1")" = 200 ]; do sleep 0.1; done
    java benchmarks/JpaLoad.java "http://127.0.0.1:$port/orders/1" 40 2 > /dev/null
    before=$(ticks $pid)
    answered=$(java benchmarks/JpaLoad.java "http://127.0.0.1:$port/orders/1" 30 2)
    cpu_ms=$(( ($(ticks $pid) - before) * 1000 / $(getconf CLK_TCK) ))
    echo "$round $arm $answered $cpu_ms $(awk -v c="$cpu_ms" -v n="$answered" 'BEGIN { printf "%.1f", c * 1000 / n }')"
    kill $pid
    wait $pid 2>/dev/null || true
  done
done
