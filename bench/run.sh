#!/usr/bin/env bash
# API benchmark: Dialtone beside the machine's ceiling (a minimal JDK HttpServer) and a peer
# (WireMock standalone serving canned bodies), all under the same wrk commands on loopback.
# Startup has its own: bench/startup.sh.
# Usage: bench/run.sh [--postgres]   (DURATION=10s and WARMUP=15s by default; the table also goes to bench/results-*.md)
set -euo pipefail
cd "$(dirname "$0")/.."

POSTGRES=false
[ "${1:-}" = "--postgres" ] && POSTGRES=true
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-15s}  # a long-lived server has compiled its hot paths; so should the measured one
SID=ACd1a170ed1a170ed1a170ed1a170e0000
TOKEN=dialtonedevtoken0000000000000000
AUTH="Authorization: Basic $(printf '%s:%s' "$SID" "$TOKEN" | base64 -w0)"
D_PORT=18090; C_PORT=18091; W_PORT=18092
JAVA17=$(command -v java)
JVM_FLAGS=(-Xmx96m -XX:+UseSerialGC)  # Dialtone's documented launch settings (README, pom, Dockerfile)

for port in $D_PORT $C_PORT $W_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is taken; stop what listens there" >&2; exit 1; fi
done
if ! command -v wrk > /dev/null; then
  (apt-get update -qq && apt-get install -y -qq wrk) > /dev/null
fi
./mvnw -q -B package -DskipTests
./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=target/bench
JAR=$(ls target/dialtone-*.jar | head -1)
WORK=$(mktemp -d)
PIDS=()
# Waits for what it killed, so no process still writes into the directory being removed.
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

db_args() { # a fresh database per name
  if $POSTGRES; then
    echo "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test --spring.datasource.username=postgres --spring.datasource.password="
  else
    echo "--spring.datasource.url=jdbc:h2:file:$WORK/$1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  fi
}
reset_postgres() {
  $POSTGRES && PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -d test -q \
    -c 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;' || true
}
start_dialtone() { # java, database name; API calls stay queued so only the API path is measured
  # shellcheck disable=SC2046
  "$1" "${JVM_FLAGS[@]}" -jar "$JAR" --server.port=$D_PORT $(db_args "$2") --dialtone.simulation.queue-delay=1h \
    --logging.level.root=WARN > "$WORK/dialtone.log" 2>&1 &
  DPID=$!; PIDS+=("$DPID")
}
wait_http() { until curl -fs -o /dev/null "$1"; do sleep 0.05; done; }
create_call() { # extra curl arguments…
  curl -s "$@" -H "$AUTH" "http://127.0.0.1:$D_PORT/2010-04-01/Accounts/$SID/Calls.json" \
    --data-urlencode To=+14155550100 --data-urlencode From=+15005550006 --data-urlencode Url=http://127.0.0.1:9/twiml
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

declare -A R
measure() { # key, wrk arguments…
  local out; out=$(wrk -t2 -d"$DURATION" --latency "${@:2}")
  R[$1.rps]=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<< "$out")
  R[$1.p50]=$(awk '$1 == "50%" {print $2}' <<< "$out")
  R[$1.p99]=$(awk '$1 == "99%" {print $2}' <<< "$out")
  R[$1.bad]=$(awk '/Non-2xx/ {print $5}' <<< "$out"); R[$1.bad]=${R[$1.bad]:-0}
}

echo "== a million calls"
reset_postgres
start_dialtone "$JAVA17" main
wait_http "http://127.0.0.1:$D_PORT/actuator/health"
kill "$DPID"; wait "$DPID" 2> /dev/null || true
t0=$(date +%s)
if $POSTGRES; then
  psql -h 127.0.0.1 -U postgres -d test -q -f bench/seed-postgres.sql
  psql -h 127.0.0.1 -U postgres -d test -q -c 'ANALYZE calls'
else
  unzip -j -o -q "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
  java -cp "$(ls "$WORK"/h2-*.jar)" org.h2.tools.RunScript -user sa \
    -url "jdbc:h2:file:$WORK/main;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" -script bench/seed-h2.sql
fi
echo "seeded in $(( $(date +%s) - t0 )) s"

start_dialtone "$JAVA17" main
wait_http "http://127.0.0.1:$D_PORT/actuator/health"
sleep 2
R[rss.idle]=$(rss_mb "$DPID")
CALL=$(create_call | sed -E 's/.*"sid":"(CA[0-9a-f]{32})".*/\1/')
java -Dsun.net.httpserver.nodelay=true bench/Ceiling.java $C_PORT & PIDS+=($!)
java -jar target/bench/wiremock-standalone-3.13.2.jar --port $W_PORT --root-dir bench/wiremock \
  --no-request-journal --disable-banner > "$WORK/wiremock.log" 2>&1 & PIDS+=($!)
wait_http "http://127.0.0.1:$C_PORT/"
until curl -fs -o /dev/null "http://127.0.0.1:$W_PORT/2010-04-01/Accounts/$SID/Calls/$CALL.json"; do sleep 0.1; done

CREATE_PATH="/2010-04-01/Accounts/$SID/Calls.json"
FETCH_PATH="/2010-04-01/Accounts/$SID/Calls/$CALL.json"
LIST_PATH="/2010-04-01/Accounts/$SID/Calls.json?To=%2B14155550000&PageSize=50"
for target in ceiling:$C_PORT wiremock:$W_PORT dialtone:$D_PORT; do
  name=${target%%:*}; port=${target##*:}
  echo "== $name"
  # Each is warmed up by a first short run, as a long-lived server would be.
  wrk -t2 -c4 -d"$WARMUP" -s bench/create.lua "http://127.0.0.1:$port$CREATE_PATH" > /dev/null
  measure "$name.create4" -c4 -s bench/create.lua "http://127.0.0.1:$port$CREATE_PATH"
  if [ "$name" = dialtone ]; then
    echo "${R[rss.idle]}" > "$WORK/peak"
    ( peak=0; while kill -0 "$DPID" 2> /dev/null; do r=$(rss_mb "$DPID"); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$WORK/peak"; sleep 0.5; done ) &
    SAMPLER=$!
  fi
  measure "$name.create64" -c64 -s bench/create.lua "http://127.0.0.1:$port$CREATE_PATH"
  [ "$name" = dialtone ] && { kill "$SAMPLER"; R[rss.load]=$(cat "$WORK/peak"); }
  wrk -t2 -c4 -d"$WARMUP" -H "$AUTH" "http://127.0.0.1:$port$FETCH_PATH" > /dev/null
  measure "$name.fetch4" -c4 -H "$AUTH" "http://127.0.0.1:$port$FETCH_PATH"
done
wrk -t2 -c4 -d"$WARMUP" -H "$AUTH" "http://127.0.0.1:$D_PORT$LIST_PATH" > /dev/null
measure dialtone.list4 -c4 -H "$AUTH" "http://127.0.0.1:$D_PORT$LIST_PATH"

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "–" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }'; }
row() { # label, key
  local k=$2 c=${2/dialtone/ceiling} w=${2/dialtone/wiremock}
  printf '| %s | %s | %s / %s | %s | %s | %s | %s | %s |\n' "$1" "${R[$k.rps]}" "${R[$k.p50]}" "${R[$k.p99]}" "${R[$k.bad]}" \
    "${R[$c.rps]:-–}" "$(pct "${R[$k.rps]}" "${R[$c.rps]:-0}")" "${R[$w.rps]:-–}" "$(ratio "${R[$k.rps]}" "${R[$w.rps]:-0}")"
}
{
  echo "### $($POSTGRES && echo PostgreSQL || echo H2), $(nproc) cores, $(date -u +%Y-%m-%d), wrk -t2 -d$DURATION, 1,000,000 calls stored"
  echo
  echo "| Dialtone | req/s | p50 / p99 | non-2xx | ceiling req/s | of ceiling | WireMock req/s | vs WireMock |"
  echo "|---|---|---|---|---|---|---|---|"
  row "create, 4 connections" dialtone.create4
  row "create, 64 connections" dialtone.create64
  row "fetch by sid, 4 connections" dialtone.fetch4
  row "filtered list page (PageSize 50), 4 connections" dialtone.list4
  echo
  echo "- resident memory: ${R[rss.idle]} MB idle, ${R[rss.load]} MB at most under the 64-connection create load"
  echo
  echo "Made by \`bench/run.sh$($POSTGRES && echo ' --postgres')\`."
} | tee "$WORK/results.md"
cp "$WORK/results.md" "bench/results-$($POSTGRES && echo postgres || echo h2).md"
