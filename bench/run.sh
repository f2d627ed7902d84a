#!/usr/bin/env bash
# The performance budget in one command (about 20 minutes on 2 cores): builds the simulator and bench/, then
#   1. load on loopback with wrk (bare Javalin, search/jql, token endpoint, Nango proxy, WireMock)  LoadRun
#   2. cold start of a new JVM to its first answer, with and without AppCDS                       ColdStart
#   3. peak RSS under load, each server a plain java -jar of its own                                RssRun
#   4. heap with 100 000 issues, under -Xmx512m                                                     HeapRun
#   5. JQL at 100 000 issues (JMH, sample mode)                                                     JqlBenchmark
#   6. per-test world, reset, token validation, embedded start (JMH)                                TenantBenchmark
# prints the tables and writes docs/performance.md (charts + tables + bench/performance-notes.md); the charts,
# docs/images/throughput.svg and cold-start.svg, are drawn by Charts from the numbers LoadRun and ColdStart write
# beside their tables (load.tsv, cold.tsv).
# Options go to LoadRun, e.g. bench/run.sh --seconds 20 --concurrency 64.
# bench/run.sh --report only rewrites docs/performance.md and its charts from the last run (after editing the notes).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/target/perf
cp=bench/target/benchmarks.jar
report_only=false
if [ "${1:-}" = --report ]; then report_only=true; shift; fi
if ! $report_only; then

if ! command -v wrk >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing wrk (Debian) for the load run ..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; } \
    || echo "no wrk: the load run uses its Java client"
fi

mvn -q -B install -DskipTests -pl simulator -am
mvn -q -B -f bench/pom.xml package
mkdir -p "$out"

echo "1/6 load run"
java -Xmx512m -cp "$cp" dev.jirasim.bench.LoadRun --out "$out/load.md" "$@"
echo "2/6 cold start"
java -cp "$cp" dev.jirasim.bench.ColdStart --runs 7 --out "$out/cold.md"
echo "3/6 peak RSS under load"
java -cp "$cp" dev.jirasim.bench.RssRun --out "$out/rss.md"
echo "4/6 heap with 100 000 issues"
java -Xmx512m -cp "$cp" dev.jirasim.bench.HeapRun --out "$out/heap.md"
echo "5/6 JQL at 100 000 issues"
java -jar "$cp" 'JqlBenchmark\.(parse|searchIndexed|searchOrderedByCreated|searchDateRange|searchBroadFirstPage|searchTextBaseline|searchComponentVersion|searchStoryPoints|searchOpenSprints|searchCustomFirstPage|searchHistoryWasUser|searchHistoryChangedFull|searchHistoryWasDuring|searchHistoryChanged)$' \
  -p issues=100000 -bm sample -tu ms -wi 2 -i 3 -w 2s -r 3s -f 1 -rf json -rff "$out/jql.json" >"$out/jql.log"
java -cp "$cp" dev.jirasim.bench.JmhTable "$out/jql.json" >"$out/jql.md"
echo "6/6 per-test world, reset, token validation, embedded start"
java -jar "$cp" TenantBenchmark -wi 3 -i 5 -w 2s -r 2s -f 1 -rf json -rff "$out/tenant.json" >"$out/tenant.log"
java -cp "$cp" dev.jirasim.bench.JmhTable "$out/tenant.json" >"$out/tenant.md"
date -u +%Y-%m-%d >"$out/date"
fi

# The charts, from the same numbers as the tables; a run from before the TSVs existed has only the tables, which
# Charts reads as well.
[ -f "$cp" ] || mvn -q -B -f bench/pom.xml package -DskipTests
load=$out/load.tsv; [ -f "$load" ] || load=$out/load.md
cold=$out/cold.tsv; [ -f "$cold" ] || cold=$out/cold.md
java -cp "$cp" dev.jirasim.bench.Charts --load "$load" --cold "$cold" --run "$(cat "$out/date")" --out docs/images

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
mem=$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo "?")
jvm=$(java -version 2>&1 | head -1)
if command -v wrk >/dev/null 2>&1; then driver=$( (wrk --version 2>&1 || true) | head -1 | cut -d' ' -f1-2); else driver="Java HttpClient"; fi
{
  echo "# Performance"
  echo
  echo "Written by \`bench/run.sh\` on $(cat "$out/date"). Every comparison is a ratio measured in the same run:"
  echo "the machines are noisy, so read the ratios rather than the absolute figures. The charts show the numbers of"
  echo "the tables below them, from the same run."
  echo
  echo "Machine: $(nproc) cores ($cpu), $mem RAM, $(uname -sm), $jvm; load generator: $driver."
  echo
  echo "## Requests per second and latency"
  echo
  echo "The baseline is bare Javalin (our stack, nothing else) answering the same request, bearer token included,"
  echo "with the search page's JSON as a fixed string. The hello route is Javalin's own ceiling."
  echo
  echo "![Requests per second, p50 and p99 latency per route (bars), the run of $(cat "$out/date") as in the table below](images/throughput.svg)"
  echo
  cat "$out/load.md"
  echo
  echo "## Cold start"
  echo
  echo "![Median launch to first answer per way of starting, with the fastest and slowest runs, the run of $(cat "$out/date") as in the table below](images/cold-start.svg)"
  echo
  cat "$out/cold.md"
  echo
  echo "## Peak memory under load"
  echo
  cat "$out/rss.md"
  echo
  echo "## Heap with 100 000 issues"
  echo
  cat "$out/heap.md"
  echo
  echo "## JQL at 100 000 issues (JMH)"
  echo
  echo "More cases, 10 000 issues and the set-up: [jql-performance.md](jql-performance.md)."
  echo
  cat "$out/jql.md"
  echo
  echo "## Per-test costs (JMH)"
  echo
  cat "$out/tenant.md"
  echo
  cat bench/performance-notes.md
} >docs/performance.md
echo
cat docs/performance.md
