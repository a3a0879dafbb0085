#!/usr/bin/env bash
# Lifecycle benchmark: bursts of calls with fast settings, every callback to a local receiver.
# Usage: bench/lifecycle.sh [CALLS ...]   (default: 1000 10000); --postgres to use 127.0.0.1:5432/test.
set -euo pipefail
cd "$(dirname "$0")/.."

POSTGRES=false
COUNTS=()
for arg in "$@"; do
  case "$arg" in
    --postgres) POSTGRES=true ;;
    *) COUNTS+=("$arg") ;;
  esac
done
[ ${#COUNTS[@]} -gt 0 ] || COUNTS=(1000 10000)

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
  java -Xmx96m -XX:+UseSerialGC -jar "$JAR" --server.port="$PORT" "${DB_ARGS[@]}" \
    --dialtone.simulation.queue-delay=0s --dialtone.simulation.ring-time=10ms --dialtone.simulation.say-time-per-character=1ms \
    --dialtone.simulation.talk-time=1s --logging.level.root=WARN > "$WORK/server.log" 2>&1 &
  PID=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do sleep 0.2; done
  echo "== $N calls ($($POSTGRES && echo PostgreSQL || echo H2), $(nproc) cores)"
  java bench/LifecycleBench.java "http://127.0.0.1:$PORT" "$SID" "$TOKEN" "$N"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  if $POSTGRES; then
    PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -d test -q -c 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'
  else
    rm -f "$WORK"/bench*
  fi
done
