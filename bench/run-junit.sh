#!/usr/bin/env bash
# Builds the simulator and the JMH benchmarks, then measures what the JUnit extension costs: a fresh world per
# test, a reset, and an embedded start next to a bare Javalin start. Extra arguments go to JMH.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl simulator -am
mvn -q -B -f bench/pom.xml package
if [ $# -eq 0 ]; then set -- -wi 3 -i 5 -w 2s -r 2s -f 1; fi
exec java -jar bench/target/benchmarks.jar 'TenantBenchmark' "$@"
