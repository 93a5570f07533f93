#!/usr/bin/env bash
# Runs the benchmark for two commits alternately (A B A B ...), with the same settings, on the same dependency jars,
# without installing anything into ~/.m2 (other engineers build against its SNAPSHOTs). Usage, from anywhere:
#   sync-service/benchmarks/run-comparison.sh BEFORE_COMMIT AFTER_COMMIT [rounds] [benchmark arguments...]
#   e.g. sync-service/benchmarks/run-comparison.sh 853d799 HEAD 2 --users=100000 --groups=5000 --repeat=3 --floor=false
# Each commit is checked out in a worktree under $WORK (default /tmp/sync-comparison); the modules sync-service
# depends on are built once, from BEFORE_COMMIT, into a copy of ~/.m2/repository there, and both sides run on them.
# Hold the shared Maven lock for the whole comparison: flock /tmp/m365-maven.lock sync-service/benchmarks/run-comparison.sh ...
# Figures go to $WORK/results-{before,after}.md (the harness's usual report, one per invocation) and the logs beside.
set -euo pipefail
before=$1; after=$2; rounds=${3:-2}; shift $(( $# >= 3 ? 3 : $# ))
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-/tmp/sync-comparison}
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$work"
[ -d "$work/m2" ] || cp -r ~/.m2/repository "$work/m2"
mvn_offline() { ./mvnw -B -ntp -o -q -Dmaven.repo.local="$work/m2" "$@"; }
# A side is built once (marker $work/$side.built); delete the marker to build it again.
for side in before after; do
  commit=$([ $side = before ] && echo "$before" || echo "$after")
  [ -e "$work/$side.built" ] && continue
  [ -d "$work/$side" ] || git -C "$repo" worktree add --detach "$work/$side" "$commit" >/dev/null
  (cd "$work/$side" && if [ $side = before ]; then
     mvn_offline install -DskipTests -pl contracts,graph-client,graph-simulator,service-commons,test-support -am
     mvn_offline -pl sync-service org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
       -Dmdep.includeScope=test -Dmdep.outputFile="$work/bench.classpath"
   fi && mvn_offline -pl sync-service test-compile)
  touch "$work/$side.built"
done
for n in $(seq 1 "$rounds"); do
  for side in before after; do
    echo "=== $(date -u +%FT%TZ) $side, round $n: $*"
    (cd "$work/$side/sync-service" && "$JAVA_HOME/bin/java" ${BENCH_HEAP:--Xmx2g} -XX:+UseParallelGC \
      --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED \
      -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
      -Dlogging.configuration=file:benchmarks/logging.properties \
      -cp "target/test-classes:target/classes:$(cat "$work/bench.classpath")" \
      io.m365platform.sync.bench.SyncBenchmark "$@" --results="$work/results-$side.md" > "$work/$side-$n.log" 2>&1)
  done
done
echo "Remove the worktrees afterwards: git worktree remove $work/before; git worktree remove $work/after"
