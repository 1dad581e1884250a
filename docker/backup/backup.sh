#!/usr/bin/env bash
# Backs up the TradeSense PostgreSQL database into one pg_dump custom-format archive (-Fc).
#
#   docker/backup/backup.sh [-o FILE] [DATABASE_URL]
#
# DATABASE_URL is a JDBC URL (jdbc:postgresql://host:5432/tradesense, as in TRADESENSE_DB_URL) or a
# libpq URL (postgresql://user:password@host:5432/tradesense). Default: $TRADESENSE_DB_URL.
# User and password: from the URL, else TRADESENSE_DB_USER / TRADESENSE_DB_PASSWORD, else the usual
# PGUSER / PGPASSWORD / ~/.pgpass. FILE defaults to ./tradesense-<database>-<UTC time>.dump.
#
# The archive is consistent: pg_dump reads the whole database in one transaction snapshot, so every
# challenge, trade and audit entry in it belongs to the same instant, while the nodes keep running.
# It is written beside its final name and moved there only once pg_restore can read it back.
set -euo pipefail

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

output=""
while getopts "o:h" option; do
    case "$option" in
        o) output="$OPTARG" ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || usage

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=docker/backup/connection.sh
. "$here/connection.sh"
connect "${1:-${TRADESENSE_DB_URL:-}}"

if [ -z "$output" ]; then
    output="./tradesense-${PGDATABASE}-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi
partial="${output}.partial"
trap 'rm -f "$partial"' EXIT

started=$(date +%s)
pg_dump --format=custom --compress=6 --no-password --file="$partial" "$PGDATABASE"
pg_restore --list "$partial" > /dev/null
mv "$partial" "$output"
trap - EXIT

tables=$(pg_restore --list "$output" | grep -c ' TABLE DATA ' || true)
printf 'backup: %s (%s bytes, %s tables, %s s) of %s\n' "$output" "$(wc -c < "$output" | tr -d ' ')" \
    "$tables" "$(( $(date +%s) - started ))" "$(describe)"
