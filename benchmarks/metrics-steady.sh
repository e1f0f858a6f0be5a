#!/usr/bin/env bash
# Issue 21's steady state, measured directly: two idle shop frontends with Vireo, JVM metrics off
# (otel.metrics.exporter=none) and on (otlp, 60 s interval, to benchmarks/microbenchmarks/otlp_sink.py), each after
# one traced request and past its first export; prints each JVM's process CPU over the next three exports.
# Needs the built agent and shop jars (./benchmarks/run.sh builds them). About 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=examples/shop/target/vireo-example-shop.jar
AGENT=agent/target/vireo-agent.jar
LOGS=$(mktemp -d)
python3 benchmarks/microbenchmarks/otlp_sink.py 4318 &
SINK=$!
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
start() { # $1 = none | otlp, $2 = port
  java -javaagent:"$AGENT" -Dotel.service.name="steady-$1" -Dotel.exporter.otlp.endpoint=http://127.0.0.1:4318 \
    -Dotel.metrics.exporter="$1" -Dotel.metric.export.interval=60000 -Dotel.logs.exporter=none \
    -cp "$JAR" dev.vireo.examples.shop.FrontendMain --frontend.port="$2" --backend.url=http://127.0.0.1:9 \
    > "$LOGS/steady-$1.log" 2>&1 &
  echo $!
}
OFF=$(start none 18081)
ON=$(start otlp 18082)
trap 'kill $OFF $ON $SINK 2>/dev/null' EXIT
sleep 15
# one traced request each (the backend is absent: a 502, still a SERVER and a CLIENT span): the SDK is built then
curl -s -o /dev/null "http://127.0.0.1:18081/checkout?item=1"
curl -s -o /dev/null "http://127.0.0.1:18082/checkout?item=1"
sleep 75 # past the first export, which builds the deferred metric pipeline
off0=$(ticks "$OFF"); on0=$(ticks "$ON")
sleep 180 # three exports
off1=$(ticks "$OFF"); on1=$(ticks "$ON")
tick_ms=$((1000 / $(getconf CLK_TCK)))
echo "process CPU over 180 s: metrics none $(((off1 - off0) * tick_ms)) ms, metrics otlp $(((on1 - on0) * tick_ms)) ms (logs: $LOGS)"
