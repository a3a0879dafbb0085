#!/usr/bin/env bash
# Lifecycle benchmark: bursts of calls with fast settings, every callback to a local receiver.
# Usage: bench/lifecycle.sh [CALLS ...]   (default: 1000 10000); --postgres to use 127.0.0.1:5432/test;
#        SERVER_JAVA_OPTS="-XX:StartFlightRecording=..." adds JVM options to the server (to profile it).
#        bench/lifecycle.sh --rate R --seconds S   sustained: R new calls a second for S seconds;
#        --warmup W first runs the same load for W seconds on the same server, unmeasured, as a
#        long-lived server would have compiled its hot paths.
set -euo pipefail
cd "$(dirname "$0")/.."

POSTGRES=false
COUNTS=()
RATE=""
SECONDS_=""
WARMUP_=""
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) POSTGRES=true ;;
    --rate) RATE=$2; shift ;;
    --seconds) SECONDS_=$2; shift ;;
    --warmup) WARMUP_=$2; shift ;;
    *) COUNTS+=("$1") ;;
  esac
  shift
done
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(1000 10000)
if [ -n "$RATE" ]; then COUNTS=(sustained); fi

PORT=${PORT:-18080}
SID=ACd1a170ed1a170ed1a170ed1a170e0000
TOKEN=dialtonedevtoken0000000000000000
./mvnw -q -B package -DskipTests
JAR=$(ls target/dialtone-*.jar | head -1)
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

DB_ARGS=(--spring.datasource.url="jdbc:h2:file:$WORK/bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
if $POSTGRES; then
  PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -d test -q -c 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'
  DB_ARGS=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test --spring.datasource.username=postgres --spring.datasource.password=)
fi

for N in "${COUNTS[@]}"; do
  java -Xmx96m -XX:+UseSerialGC ${SERVER_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" "${DB_ARGS[@]}" \
    --dialtone.simulation.queue-delay=0s --dialtone.simulation.ring-time=10ms --dialtone.simulation.say-time-per-character=1ms \
    --dialtone.simulation.talk-time=1s --logging.level.root=WARN > "$WORK/server.log" 2>&1 &
  PID=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do sleep 0.2; done
  if [ "$N" = sustained ]; then
    if [ -n "$WARMUP_" ]; then
      java bench/SustainedBench.java "http://127.0.0.1:$PORT" "$SID" "$TOKEN" "$RATE" "$WARMUP_" 10 > "$WORK/warmup.txt"
    fi
    echo "== $RATE calls/s for ${SECONDS_:-20} s ($($POSTGRES && echo PostgreSQL || echo H2), $(nproc) cores), bench/lifecycle.sh --rate $RATE --seconds ${SECONDS_:-20}${WARMUP_:+ --warmup $WARMUP_}"
    echo "| | |"
    echo "|---|---|"
    java bench/SustainedBench.java "http://127.0.0.1:$PORT" "$SID" "$TOKEN" "$RATE" "${SECONDS_:-20}" 10
  else
    echo "== $N calls ($($POSTGRES && echo PostgreSQL || echo H2), $(nproc) cores)"
    java bench/LifecycleBench.java "http://127.0.0.1:$PORT" "$SID" "$TOKEN" "$N"
  fi
  kill "$PID"; wait "$PID" 2>/dev/null || true
  if $POSTGRES; then
    PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -d test -q -c 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'
  else
    rm -f "$WORK"/bench*
  fi
done
