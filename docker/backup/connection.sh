# Shared by backup.sh and restore.sh (sourced, not run): turns a TradeSense database URL into the
# libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE) the PostgreSQL tools read.

# connect URL: jdbc:postgresql://host[:port]/database[?sslmode=...] or postgresql://[user[:password]@]host[:port]/database
connect() {
    local url="$1" rest authority query="" hostport
    if [ -z "$url" ]; then
        echo "no database: give a URL or set TRADESENSE_DB_URL" >&2
        exit 2
    fi
    rest="${url#jdbc:}"
    case "$rest" in
        postgresql://*) rest="${rest#postgresql://}" ;;
        postgres://*) rest="${rest#postgres://}" ;;
        *) echo "not a PostgreSQL URL: $url" >&2; exit 2 ;;
    esac
    if [ "${rest#*\?}" != "$rest" ]; then
        query="${rest#*\?}"
        rest="${rest%%\?*}"
    fi
    authority="${rest%%/*}"
    PGDATABASE="${rest#*/}"
    if [ "$PGDATABASE" = "$rest" ] || [ -z "$PGDATABASE" ]; then
        echo "no database name in $url" >&2
        exit 2
    fi
    if [ "${authority#*@}" != "$authority" ]; then
        local credentials="${authority%@*}"
        authority="${authority##*@}"
        PGUSER="${credentials%%:*}"
        if [ "${credentials#*:}" != "$credentials" ]; then
            PGPASSWORD="${credentials#*:}"
        fi
    fi
    hostport="$authority"
    PGHOST="${hostport%%:*}"
    if [ "${hostport#*:}" != "$hostport" ]; then
        PGPORT="${hostport#*:}"
    else
        PGPORT=5432
    fi
    # JDBC parameters mean nothing to libpq, except the TLS mode.
    local parameter
    for parameter in ${query//&/ }; do
        case "$parameter" in
            sslmode=*) PGSSLMODE="${parameter#sslmode=}"; export PGSSLMODE ;;
            user=*) PGUSER="${parameter#user=}" ;;
            password=*) PGPASSWORD="${parameter#password=}" ;;
        esac
    done
    if [ -z "${PGUSER:-}" ] && [ -n "${TRADESENSE_DB_USER:-}" ]; then
        PGUSER="$TRADESENSE_DB_USER"
    fi
    if [ -z "${PGPASSWORD:-}" ] && [ -n "${TRADESENSE_DB_PASSWORD:-}" ]; then
        PGPASSWORD="$TRADESENSE_DB_PASSWORD"
    fi
    export PGHOST PGPORT PGDATABASE
    if [ -n "${PGUSER:-}" ]; then export PGUSER; fi
    if [ -n "${PGPASSWORD:-}" ]; then export PGPASSWORD; fi
}

# The database, for messages: never the password.
describe() {
    printf '%s@%s:%s/%s' "${PGUSER:-$(id -un)}" "$PGHOST" "$PGPORT" "$PGDATABASE"
}
