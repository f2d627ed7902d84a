#!/usr/bin/env bash
# Builds the simulator and bench/, then runs the load comparison (bare Javalin, search/jql, token endpoint,
# Nango proxy, WireMock) and writes docs/performance.md. Options go to LoadRun, e.g. --seconds 20 --concurrency 64.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl simulator -am
mvn -q -B -f bench/pom.xml package
java -Xmx512m -cp bench/target/benchmarks.jar dev.jirasim.bench.LoadRun --docs docs/performance.md "$@"
