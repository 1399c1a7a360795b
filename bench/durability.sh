#!/usr/bin/env bash
# Durability check (issue 7): is every report the API accepted (201) still there, with its process,
# after the JVM — and sometimes PostgreSQL too — is killed with SIGKILL in the middle of filing?
#
#   mvn -B -ntp -DskipTests package     # once: the packaged app under target/
#   bash bench/durability.sh            # ROUNDS=6 WORKERS=8 PER_ROUND=40 PORT=18080 DB_PORT=15432 to change
#
# Each round starts the packaged app on the same data folder (a temporary one), lets WORKERS curl loops
# file reports as the hotline, kills the JVM with kill -9 once PER_ROUND reports were accepted (in every
# other round the PostgreSQL server first), and starts again. A last start then checks every 201 against the database
# (as the app's role, with the password the app generated) and through GET /api/cases/{id} as the officer.
# See bench/README.md.
set -euo pipefail

ROUNDS=${ROUNDS:-6}
WORKERS=${WORKERS:-8}
PORT=${PORT:-18080}
DB_PORT=${DB_PORT:-15432}
PER_ROUND=${PER_ROUND:-40}
PASSWORD='TreAn@2026'
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$(ls "$ROOT"/target/tre-an-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] || { echo "no packaged app under target/: run mvn -B -ntp -DskipTests package first" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql (the PostgreSQL client) is needed for the check" >&2; exit 2; }

WORK=$(mktemp -d -t trean-durability-XXXXXX)
DATA="$WORK/postgres"
APP_PID=
trap 'stop_everything' EXIT

stop_everything() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    echo "work folder (logs, ids): $WORK"
}

start_app() {
    local log=$1
    TREAN_DATA_DIR="$DATA" PORT="$PORT" TREAN_EMBEDDED_DB_PORT="$DB_PORT" \
        java -Xmx768m -jar "$JAR" >"$log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 600); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' -u "hotline:$PASSWORD" "http://localhost:$PORT/api/notifications")" = 200 ]; then
            return 0
        fi
        kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start, see $log" >&2; tail -n 30 "$log" >&2; exit 1; }
        sleep 0.5
    done
    echo "the app did not answer within 300 s, see $log" >&2
    exit 1
}

report() {
    cat <<JSON
{"communeCode": "00004", "receivedAt": "$(date -u -d '-1 hour' +%FT%TZ)", "channel": "PHONE",
 "category": "ABUSED", "abuseForms": ["VIOLENCE"],
 "child": {"fullName": "Bench $1", "estimatedAge": 9, "sex": "FEMALE"},
 "place": "Tổ 5, phường Ba Đình", "currentCondition": "Kiểm tra độ bền"}
JSON
}

# one worker: files reports one after another until the app stops answering
worker() {
    local name=$1 n=0 out status
    while :; do
        n=$((n + 1))
        out=$(curl -s -m 30 -w '\n%{http_code}' -u "hotline:$PASSWORD" -H 'Content-Type: application/json' \
            "http://localhost:$PORT/api/reports" -d "$(report "$name-$n")") || break
        status=${out##*$'\n'}
        case $status in
            201) sed -n 's/.*"id" *: *"\([0-9a-f-]*\)".*/\1/p' <<<"${out%$'\n'*}" >>"$WORK/accepted.txt" ;;
            000) break ;;
            *) echo "$status" >>"$WORK/refused.txt" ;;
        esac
    done
}

touch "$WORK/accepted.txt" "$WORK/refused.txt"
echo "durability: $ROUNDS rounds, $WORKERS concurrent hotline clients, app $(basename "$JAR"), work folder $WORK"
for round in $(seq 1 "$ROUNDS"); do
    start_app "$WORK/app-$round.log"
    before=$(wc -l <"$WORK/accepted.txt")
    pids=()
    for w in $(seq 1 "$WORKERS"); do worker "r$round-w$w" & pids+=($!); done
    # kill mid-way: once this round has had PER_ROUND reports accepted (or after 180 s), at a random instant
    for _ in $(seq 1 360); do
        [ $(( $(wc -l <"$WORK/accepted.txt") - before )) -ge "$PER_ROUND" ] && break
        sleep 0.5
    done
    sleep "0.$((RANDOM % 10))"
    what="JVM"
    if [ $((round % 2)) -eq 0 ]; then
        kill -9 "$(head -n 1 "$DATA/postmaster.pid")"
        what="PostgreSQL, then the JVM"
    fi
    kill -9 "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    wait "${pids[@]}" 2>/dev/null || true
    echo "round $round: $(( $(wc -l <"$WORK/accepted.txt") - before )) reports accepted, then kill -9 of the $what"
done

start_app "$WORK/app-check.log"
APP_PASSWORD=$(sed -n 's/^app=//p' "$DATA.credentials")
export PGPASSWORD=$APP_PASSWORD
read -r accepted distinct with_case with_process unanswered orphan_cases < <(psql -X -q -t -A -F ' ' \
    -h localhost -p "$DB_PORT" -U trean_app -d postgres -v ON_ERROR_STOP=1 <<SQL
create temp table accepted (id uuid);
\copy accepted from '$WORK/accepted.txt'
select (select count(*) from accepted),
       (select count(distinct id) from accepted),
       (select count(*) from accepted a where exists (select from trean.case_file c where c.id = a.id)),
       (select count(*) from accepted a join trean.case_file c on c.id = a.id
         where c.process_instance_id is not null
           and exists (select from public.act_ru_execution e where e.proc_inst_id_ = c.process_instance_id)),
       (select count(*) from trean.case_file c where c.created_by = 'hotline'
           and not exists (select from accepted a where a.id = c.id)),
       (select count(*) from trean.case_file c where c.process_instance_id is null
           or not exists (select from public.act_ru_execution e where e.proc_inst_id_ = c.process_instance_id));
SQL
)
unset PGPASSWORD
api_ok=0
while read -r id; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u "officer:$PASSWORD" "http://localhost:$PORT/api/cases/$id")" = 200 ] \
        && api_ok=$((api_ok + 1))
done < <(sort -u "$WORK/accepted.txt")

lost=$((distinct - with_process))
cat <<RESULT

rounds                              $ROUNDS ($WORKERS concurrent clients; kill -9 of the JVM each round, of PostgreSQL too in every other one)
reports accepted (201)              $accepted
  duplicates among the 201 ids      $((accepted - distinct))
  with their case row               $with_case
  with their running process        $with_process
  readable as the officer (200)     $api_ok
lost                                $lost
cases committed without an answer   $unanswered (in flight at the kill: saved, the client saw no 201)
cases without a running process     $orphan_cases
other answers than 201              $(wc -l <"$WORK/refused.txt")
RESULT
[ "$lost" -eq 0 ] && [ "$with_case" -eq "$distinct" ] && [ "$api_ok" -eq "$distinct" ] && [ "$orphan_cases" -eq 0 ]
