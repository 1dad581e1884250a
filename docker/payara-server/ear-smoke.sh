#!/usr/bin/env bash
# Deploys the TradeSense EAR on a full application server and checks it over HTTP:
#   1. fetches Payara Server Full from Maven Central into target/payara-server/ (once),
#   2. creates a domain of its own on unusual ports (PORT_BASE + 48 admin, + 80 HTTP, ...),
#   3. gives it the PostgreSQL driver, the TradeSense settings as JVM options (secrets as password
#      aliases), and the JDBC pool + resource of the Jakarta Batch job repository,
#   4. deploys tradesense-ear/target/tradesense.ear (web module at /, worker at /worker),
#   5. runs a smoke scenario: ready, admin sign-in, plans, a challenge, an event, read back, audit,
#   6. stops the domain (--keep-running leaves it up for a look).
#
#   docker/payara-server/ear-smoke.sh [--fresh-database] [--keep-running]
#
# Environment (defaults in brackets):
#   PAYARA_VERSION [6.2025.9]   fish.payara.distributions:payara:<version>:zip
#   PORT_BASE [28000]           admin 28048, HTTP 28080, HTTPS 28081, and the rest above the base
#   TRADESENSE_DB_URL [jdbc:postgresql://127.0.0.1:5432/tradesense_ear_smoke], TRADESENSE_DB_USER [postgres],
#   TRADESENSE_DB_PASSWORD [empty], TRADESENSE_REDIS_URL [empty: in-process stand-ins]
#   TRADESENSE_SECURITY_ADMIN_EMAIL / _PASSWORD [smoke values], TRADESENSE_SECURITY_JWT_SECRET [generated]
#   MVN_FLAGS [-B -q]           e.g. "-o -B -q" to build and fetch offline from ~/.m2
# --fresh-database drops and creates the database of TRADESENSE_DB_URL first (psql, as that user).
# docs/deployment.md explains each step for a real server.
set -euo pipefail

cd "$(dirname "$0")/../.."
root="$PWD"

fresh_database=false
keep_running=false
for argument in "$@"; do
    case "$argument" in
        --fresh-database) fresh_database=true ;;
        --keep-running) keep_running=true ;;
        *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done

payara_version="${PAYARA_VERSION:-6.2025.9}"
port_base="${PORT_BASE:-28000}"
admin_port=$((port_base + 48))
http_port=$((port_base + 80))
mvn_flags="${MVN_FLAGS:--B -q}"
work="$root/target/payara-server"
domain_dir="$work/domains"
domain=tradesense-smoke
ear="$root/tradesense-ear/target/tradesense.ear"
base="http://127.0.0.1:$http_port"

db_url="${TRADESENSE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/tradesense_ear_smoke}"
db_user="${TRADESENSE_DB_USER:-postgres}"
db_password="${TRADESENSE_DB_PASSWORD:-}"
redis_url="${TRADESENSE_REDIS_URL:-}"
admin_email="${TRADESENSE_SECURITY_ADMIN_EMAIL:-admin@ear-smoke.test}"
admin_password="${TRADESENSE_SECURITY_ADMIN_PASSWORD:-ear-smoke-admin-password}"
jwt_secret="${TRADESENSE_SECURITY_JWT_SECRET:-$(head -c 48 /dev/urandom | base64 | tr -d '\n')}"

started=$(date +%s)
step_started=$started
log() { printf '[ear-smoke %4ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
step() {
    local now
    now=$(date +%s)
    log "$* (previous step: $((now - step_started)) s)"
    step_started=$now
}
fail() { log "FAILED: $*" >&2; exit 1; }

asadmin_bin="$work/payara6/bin/asadmin"
asadmin() { "$asadmin_bin" --port "$admin_port" --interactive=false "$@"; }
# asadmin separates properties and options with ':'; a value keeps its colons escaped.
escape() { printf '%s' "$1" | sed 's/[:=]/\\&/g'; }

# --- 1. the EAR and the server ---------------------------------------------------------------------
if [ ! -f "$ear" ]; then
    step "building the EAR: ./mvnw $mvn_flags package -DskipTests -pl tradesense-ear -am"
    # shellcheck disable=SC2086
    ./mvnw $mvn_flags package -DskipTests -pl tradesense-ear -am
fi
if [ ! -x "$asadmin_bin" ]; then
    step "fetching Payara Server $payara_version (fish.payara.distributions:payara:$payara_version:zip)"
    # shellcheck disable=SC2086
    ./mvnw $mvn_flags -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
        -Dartifact="fish.payara.distributions:payara:$payara_version:zip" -DoutputDirectory="$work" \
        -DmarkersDirectory="$work/markers"
fi
[ -x "$asadmin_bin" ] || fail "no $asadmin_bin after the download"

driver="$HOME/.m2/repository/org/postgresql/postgresql"
postgresql_version=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml)
driver="$driver/$postgresql_version/postgresql-$postgresql_version.jar"
if [ ! -f "$driver" ]; then
    # shellcheck disable=SC2086
    ./mvnw $mvn_flags -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
        -Dartifact="org.postgresql:postgresql:$postgresql_version"
fi

# --- 2. the database (optional) and the domain ------------------------------------------------------
if $fresh_database; then
    # shellcheck source=docker/backup/connection.sh
    (. "$root/docker/backup/connection.sh"
     TRADESENSE_DB_USER="$db_user" TRADESENSE_DB_PASSWORD="$db_password" connect "$db_url"
     step "recreating database $PGDATABASE on $PGHOST:$PGPORT"
     name="$PGDATABASE"
     PGDATABASE=postgres psql --no-psqlrc --quiet --set ON_ERROR_STOP=1 \
         --command "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" --command "CREATE DATABASE \"$name\"")
fi

if [ -d "$domain_dir/$domain" ]; then
    "$asadmin_bin" stop-domain --domaindir "$domain_dir" "$domain" > /dev/null 2>&1 || true
    rm -rf "${domain_dir:?}/$domain"
fi
for offset in 9 37 38 39 48 49 59 66 76 80 81 86; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$((port_base + offset))") 2>/dev/null; then
        fail "port $((port_base + offset)) is taken; choose another PORT_BASE"
    fi
done

step "creating domain $domain (admin port $admin_port, HTTP port $http_port)"
"$asadmin_bin" --interactive=false create-domain --nopassword --portbase "$port_base" \
    --domaindir "$domain_dir" "$domain" > "$work/create-domain.log"
step "starting the domain"
"$asadmin_bin" start-domain --domaindir "$domain_dir" "$domain" > /dev/null
stop_domain() {
    if ! $keep_running; then
        "$asadmin_bin" stop-domain --domaindir "$domain_dir" "$domain" > /dev/null 2>&1 || true
    fi
}
trap stop_domain EXIT

# --- 3. driver, settings, the batch job repository -------------------------------------------------
step "configuring: driver, settings, secrets as password aliases, batch job repository pool"
asadmin add-library "$driver" > /dev/null
alias_file="$work/alias.tmp"
trap 'rm -f "$alias_file"; stop_domain' EXIT
make_alias() {
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$2" > "$alias_file"
    asadmin --passwordfile "$alias_file" create-password-alias "$1" > /dev/null
    rm -f "$alias_file"
}
make_alias tradesense-admin-password "$admin_password"
make_alias tradesense-jwt-secret "$jwt_secret"
options="-Dtradesense.db.url=$(escape "$db_url"):-Dtradesense.db.user=$(escape "$db_user")"
options="$options:-Dtradesense.security.admin.email=$(escape "$admin_email")"
options="$options:-Dtradesense.security.admin.password=\${ALIAS=tradesense-admin-password}"
options="$options:-Dtradesense.security.jwt-secret=\${ALIAS=tradesense-jwt-secret}"
options="$options:-Dtradesense.data.dir=\${com.sun.aas.instanceRoot}/tradesense-data"
pool_password="()"
if [ -n "$db_password" ]; then
    make_alias tradesense-db-password "$db_password"
    options="$options:-Dtradesense.db.password=\${ALIAS=tradesense-db-password}"
    pool_password="\${ALIAS=tradesense-db-password}"
fi
if [ -n "$redis_url" ]; then
    options="$options:-Dtradesense.redis.url=$(escape "$redis_url")"
fi
asadmin create-jvm-options "$options" > /dev/null

asadmin create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
    --restype javax.sql.DataSource --steadypoolsize 0 --maxpoolsize 8 \
    --initsql "CREATE SCHEMA IF NOT EXISTS tradesense_batch" \
    --property "url=$(escape "${db_url%%\?*}"):user=$(escape "$db_user"):password=$pool_password:ApplicationName=tradesense-batch" \
    tradesense-batch-pool > /dev/null
asadmin create-jdbc-resource --connectionpoolid tradesense-batch-pool jdbc/tradesense-batch > /dev/null
asadmin set-batch-runtime-configuration --datasourcelookupname jdbc/tradesense-batch \
    --schemaname tradesense_batch > /dev/null

step "restarting the domain (the driver and the JVM options need it)"
asadmin restart-domain --domaindir "$domain_dir" "$domain" > /dev/null
asadmin ping-connection-pool tradesense-batch-pool > /dev/null || fail "the batch pool cannot reach $db_url"

# --- 4. deploy ---------------------------------------------------------------------------------------
step "deploying $(basename "$ear")"
asadmin deploy --name tradesense "$ear" || fail "deployment failed; see $domain_dir/$domain/logs/server.log"
asadmin list-sub-components tradesense | grep -E '^(tradesense-ejb.jar|tradesense-web.war|tradesense-batch.war) ' \
    || fail "the EAR's modules are not all deployed"

# --- 5. smoke scenario over HTTP --------------------------------------------------------------------
step "smoke scenario on $base"
# Value of the first occurrence of a JSON field in an answer: a string ("name":"value") or a number.
field() { grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -n 1 | sed 's/^[^:]*:"\{0,1\}//'; }
call() { # method path [body] [header]: prints the body, then the status on its own last line
    local method=$1 path=$2 body=${3:-} header=${4:-X-Smoke: 1}
    curl -s -X "$method" "$base$path" -H 'Content-Type: application/json' -H "$header" \
        ${body:+--data "$body"} -w '\n%{http_code}'
}
expect() { # status answer: checks the last line, prints the rest
    local status=$1 answer=$2
    [ "${answer##*$'\n'}" = "$status" ] || fail "expected $status, got: $answer"
    printf '%s' "${answer%$'\n'*}"
}

deadline=$(( $(date +%s) + 120 ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "/health/ready did not answer 200 within 120 s: $(curl -s "$base/health/ready")"
    sleep 1
done
log "ready: $(curl -s "$base/health/ready")"

token=$(expect 200 "$(call POST /api/v1/auth/login "{\"email\": \"$admin_email\", \"password\": \"$admin_password\"}")" | field accessToken)
[ -n "$token" ] || fail "no access token"
auth="Authorization: Bearer $token"
log "admin signed in"

plans=$(expect 200 "$(call GET '/api/v1/plans?size=100' '' "$auth")")
grep -q '"code":"two-step-100k"' <<< "$plans" || fail "plan two-step-100k is not listed: $plans"
log "plans listed: $(grep -o '"code":"[^"]*"' <<< "$plans" | sort -u | tr '\n' ' ')"

key=$(expect 201 "$(call POST /api/v1/admin/api-keys '{"name": "ear-smoke bridge"}' "$auth")" | field key)
[ -n "$key" ] || fail "no platform key"

trader="ear-smoke-$(date +%s)"
challenge=$(expect 201 "$(call POST /api/v1/challenges \
    "{\"planCode\": \"two-step-100k\", \"traderId\": \"$trader\", \"startAt\": \"2026-03-02T08:00:00Z\"}" "$auth")")
id=$(field id <<< "$challenge")
[ -n "$id" ] || fail "no challenge id: $challenge"
log "challenge $id started for $trader"

expect 200 "$(call POST "/api/v1/challenges/$id/events" '[
    {"type": "TRADE_OPENED", "id": "smoke-1", "at": "2026-03-02T09:00:00Z", "symbol": "EURUSD", "side": "BUY", "volume": 1, "price": 1.085},
    {"type": "TRADE_CLOSED", "id": "smoke-1", "at": "2026-03-02T10:00:00Z", "price": 1.09, "profit": 123.45}]' \
    "X-API-Key: $key")" > /dev/null
state=$(expect 200 "$(call GET "/api/v1/challenges/$id" '' "$auth")")
balance=$(field balance <<< "$state")
seq=$(field seq <<< "$state")
[ "$seq" = 2 ] || fail "expected seq 2 after two events: $state"
awk -v b="$balance" 'BEGIN { exit (b == 100123.45) ? 0 : 1 }' || fail "expected balance 100123.45: $state"
events=$(expect 200 "$(call GET "/api/v1/challenges/$id/events" '' "$auth")")
[ "$(grep -o '"seq":' <<< "$events" | wc -l)" -eq 2 ] || fail "expected two recorded events: $events"
verdict=$(expect 200 "$(call GET "/api/v1/challenges/$id/audit/verify" '' "$auth")")
grep -q '"valid":true' <<< "$verdict" || fail "audit chain not valid: $verdict"
log "events applied and read back: balance $balance, seq $seq, audit $verdict"

curl -s "$base/metrics" | grep -q '^api_response_duration_seconds_count{' || fail "/metrics has no api_response_duration_seconds"
log "metrics served"

step "smoke scenario passed"
if $keep_running; then
    log "the domain keeps running: $base (stop: $asadmin_bin stop-domain --domaindir $domain_dir $domain)"
else
    stop_domain
    trap - EXIT
    step "domain stopped"
fi
log "total $(( $(date +%s) - started )) s"
