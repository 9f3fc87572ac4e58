#!/usr/bin/env bash
# Point-in-time recovery with WAL archiving, on a throwaway PostgreSQL cluster in a temporary
# folder and a free port (the shared server is not touched): a base backup, rows before and after
# a target time, then a recovery to that time from the base backup and the archive. Checks that
# the rows before came back and the rows after did not, and prints how long the recovery took.
# Run it as root (the cluster runs as the postgres user) or as a user that may run initdb.
#   bash bench/pitr.sh
set -euo pipefail

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
AS=(); [ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
WORK=$(mktemp -d /tmp/companyos-pitr-XXXXXX); chmod 777 "$WORK"
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
PSQL=("${AS[@]}" "$BIN/psql" -h "$WORK" -p "$PORT" -d postgres -qAt -v ON_ERROR_STOP=1)
cleanup() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null 2>&1 || true
  "${AS[@]}" "$BIN/pg_ctl" -D "$WORK/recovered" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${AS[@]}" mkdir "$WORK/archive"
"${AS[@]}" "$BIN/initdb" -D "$WORK/primary" -A trust >/dev/null
cat >> "$WORK/primary/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$WORK'
port = $PORT
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $WORK/archive/%f && cp %p $WORK/archive/%f'
archive_timeout = 60
CONF
"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null

"${PSQL[@]}" -c "CREATE TABLE receipts (n int PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())"
"${PSQL[@]}" -c "INSERT INTO receipts (n) SELECT generate_series(1, 1000)"
"${AS[@]}" "$BIN/pg_basebackup" -h "$WORK" -p "$PORT" -D "$WORK/base" -X fetch -c fast
"${PSQL[@]}" -c "INSERT INTO receipts (n) SELECT generate_series(1001, 2000)"
sleep 1
TARGET=$("${PSQL[@]}" -c "SELECT clock_timestamp()")
sleep 1
"${PSQL[@]}" -c "INSERT INTO receipts (n) SELECT generate_series(2001, 3000)"
# Close the WAL segment so the rows before the target are in the archive (archive_timeout would too).
"${PSQL[@]}" -c "SELECT pg_switch_wal()" >/dev/null
until "${PSQL[@]}" -c "SELECT last_archived_wal IS NOT NULL AND last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) FROM pg_stat_archiver" | grep -q t; do sleep 0.2; done
"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/primary" -m fast stop >/dev/null

START=$(date +%s.%N)
"${AS[@]}" cp -a "$WORK/base" "$WORK/recovered"
"${AS[@]}" chmod 700 "$WORK/recovered"
cat >> "$WORK/recovered/postgresql.auto.conf" <<CONF
restore_command = 'cp $WORK/archive/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
archive_mode = off
CONF
"${AS[@]}" touch "$WORK/recovered/recovery.signal"
"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/recovered" -l "$WORK/recovered.log" -w start >/dev/null
until [ "$("${PSQL[@]}" -c "SELECT pg_is_in_recovery()")" = f ]; do sleep 0.2; done
END=$(date +%s.%N)

COUNT=$("${PSQL[@]}" -c "SELECT count(*) FROM receipts")
NEWEST=$("${PSQL[@]}" -c "SELECT max(n) FROM receipts")
echo "target time:                    $TARGET"
echo "rows recovered:                 $COUNT (expected 2000: 1000 in the base backup, 1000 from the WAL archive)"
echo "newest row recovered:           $NEWEST (rows 2001-3000 were written after the target)"
echo "recovery (copy base + replay):  $(echo "$END - $START" | bc) s"
[ "$COUNT" = 2000 ] && [ "$NEWEST" = 2000 ] && echo "PITR OK" || { echo "PITR FAILED"; exit 1; }
