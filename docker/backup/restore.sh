#!/usr/bin/env bash
# Restores a backup.sh archive into an EMPTY TradeSense database, and refuses any other.
#
#   docker/backup/restore.sh FILE [DATABASE_URL]
#
# DATABASE_URL and credentials as for backup.sh (default: $TRADESENSE_DB_URL). Create the database
# first (CREATE DATABASE tradesense OWNER tradesense), stop every node that uses it, restore, then start
# the nodes: Flyway finds the schema at the archive's version and upgrades it if the nodes are newer.
#
# A database counts as empty when it has no table, view or sequence outside the system schemas and no
# schema but "public". Everything is restored in one transaction: on any error nothing is left behind.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

[ $# -ge 1 ] && [ $# -le 2 ] || usage
archive="$1"
if [ ! -r "$archive" ]; then
    echo "restore: cannot read $archive" >&2
    exit 2
fi

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=docker/backup/connection.sh
. "$here/connection.sh"
connect "${2:-${TRADESENSE_DB_URL:-}}"

pg_restore --list "$archive" > /dev/null

occupied=$(psql --no-password --no-psqlrc --tuples-only --no-align --set ON_ERROR_STOP=1 --command "
    SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%')
         + (SELECT count(*) FROM pg_namespace
             WHERE nspname NOT IN ('public', 'pg_catalog', 'information_schema')
               AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp%')")
if [ "$occupied" != "0" ]; then
    echo "restore: $(describe) is not empty ($occupied tables, sequences, views or schemas); refusing." >&2
    echo "restore: restore into a new database, or drop and recreate this one first." >&2
    exit 3
fi

started=$(date +%s)
pg_restore --no-password --single-transaction --exit-on-error --no-owner --no-privileges \
    --dbname="$PGDATABASE" "$archive"
psql --no-password --no-psqlrc --quiet --set ON_ERROR_STOP=1 --command "ANALYZE" > /dev/null

summary=$(psql --no-password --no-psqlrc --tuples-only --no-align --field-separator ' ' --set ON_ERROR_STOP=1 --command "
    SELECT (SELECT count(*) FROM challenge), (SELECT count(*) FROM trade), (SELECT count(*) FROM audit_entry),
           (SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
             ORDER BY installed_rank DESC LIMIT 1)" 2>/dev/null || echo "? ? ? ?")
read -r challenges trades entries version <<< "$summary"
printf 'restore: %s into %s in %s s: %s challenges, %s trades, %s audit entries, schema version %s\n' \
    "$archive" "$(describe)" "$(( $(date +%s) - started ))" "$challenges" "$trades" "$entries" "$version"
