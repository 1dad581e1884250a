#!/bin/sh
# Starts one TradeSense Payara Micro node inside the api or worker image. The image's CMD says what
# it deploys (and whether it clusters); this script adds what every node needs:
#   - the PostgreSQL driver on the server's class path (--addlibs), for the batch job repository's pool;
#   - the post-boot commands that create that pool and move the job repository to PostgreSQL, when
#     TRADESENSE_DB_URL is set (without it the node runs in embedded mode, job repository in H2);
#   - JVM settings sized from the container's memory limit, not the host's;
#   - LOG_FORMAT=json: one JSON object per log line (logging-json.properties);
#   - PAYARA_CLUSTERMODE: Payara Micro's --clustermode, e.g. kubernetes:tradesense,tradesense-worker-hazelcast
#     (Kubernetes API discovery) or tcpip:10.0.0.5:6900; unset keeps Payara's default (multicast).
# JVM_ARGS adds JVM options, e.g. the remote JMX flags (docs/operations.md, "JMX").
set -eu

home="${HOME_DIR:-/opt/payara}"

if [ -n "${PAYARA_CLUSTERMODE:-}" ]; then
    set -- --clustermode "$PAYARA_CLUSTERMODE" "$@"
fi
if [ -n "${TRADESENSE_DB_URL:-}" ]; then
    set -- --postbootcommandfile "$home/config/post-boot-commands.asadmin" "$@"
else
    echo "TRADESENSE_DB_URL is not set: embedded mode, the batch job repository stays in Payara's H2" >&2
fi
# The API image ships pre-boot commands (Payara's metrics endpoint moves aside for tradesense-web's /metrics).
if [ -f "$home/config/pre-boot-commands.asadmin" ]; then
    set -- --prebootcommandfile "$home/config/pre-boot-commands.asadmin" "$@"
fi
if [ "${LOG_FORMAT:-text}" = "json" ]; then
    set -- --logproperties "$home/config/logging-json.properties" "$@"
fi

# JVM_ARGS is a list of options: it is split on spaces on purpose.
# shellcheck disable=SC2086
exec java \
    -XX:+UseContainerSupport \
    -XX:MaxRAMPercentage="${MEM_MAX_RAM_PERCENTAGE:-75.0}" \
    -XX:InitialRAMPercentage="${MEM_INITIAL_RAM_PERCENTAGE:-50.0}" \
    -Xss"${MEM_XSS:-512k}" \
    -XX:+UseG1GC \
    -XX:+ExitOnOutOfMemoryError \
    ${JVM_ARGS:-} \
    -jar "$home/payara-micro.jar" \
    --addlibs "$home/lib/postgresql.jar" \
    --port "${HTTP_PORT:-8080}" \
    "$@"
