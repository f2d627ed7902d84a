#!/usr/bin/env bash
# Builds the simulator, then the JMH benchmarks, and runs the JQL benchmarks.
# Extra arguments go to JMH, e.g.: bench/run-jql.sh -wi 2 -i 3 -f 1 -p issues=100000
set -euo pipefail
cd "$(dirname "$0")/.."
# The bench module resolves jirasim-simulator from the local repository, so install parent and simulator first.
mvn -q -B install -DskipTests -pl simulator -am
mvn -q -B -f bench/pom.xml package
if [ $# -eq 0 ]; then set -- -wi 2 -i 3 -f 1; fi
exec java -jar bench/target/benchmarks.jar 'JqlBenchmark' "$@"
