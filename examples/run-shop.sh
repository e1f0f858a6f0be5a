#!/usr/bin/env bash
# Builds the agent and the example shop, starts every service in its own JVM with the agent attached,
# sends a few checkouts and prints each trace as a tree. Set OTEL_EXPORTER_OTLP_ENDPOINT to send the traces
# to a collector or Jaeger instead (e.g. OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp package -DskipTests -Dvireo.image.skip=true -pl examples/shop-demo -am
exec java -cp "examples/shop-demo/target/classes:$(cat examples/shop-demo/target/classpath.txt)" \
  dev.vireo.examples.demo.ShopDemo "$PWD" "${REQUESTS:-3}"
