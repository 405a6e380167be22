#!/bin/sh
# Registers the Debezium PostgreSQL connector of the compose stack (contactsync-cdc.json) with the
# Kafka Connect REST API, then waits until its task runs. PUT /connectors/<name>/config creates
# or updates, so running this again applies a changed configuration. Runs in the one-shot
# connect-register container (curl image); from the host:
#   CONNECT_URL=http://127.0.0.1:8083 CONNECTOR_CONFIG=conf/kafka-connect/contactsync-cdc.json sh conf/kafka-connect/register-connector.sh
# The database password is not in the file: it says ${env:CONTACTSYNC_CDC_PASSWORD}, which the
# Connect worker resolves from its own environment (EnvVarConfigProvider), so it is stored neither
# here nor in Connect's config topic.
set -eu

CONNECT_URL="${CONNECT_URL:-http://connect:8083}"
CONNECTOR_CONFIG="${CONNECTOR_CONFIG:-/opt/contactsync/kafka-connect/contactsync-cdc.json}"
ATTEMPTS="${ATTEMPTS:-90}"

name=$(sed -n 's/^ *"name": *"\([^"]*\)".*/\1/p' "$CONNECTOR_CONFIG" | head -n 1)
[ -n "$name" ] || { echo "no \"name\" in $CONNECTOR_CONFIG" >&2; exit 1; }

echo "waiting for Kafka Connect at $CONNECT_URL ..."
i=0
until curl -fsS "$CONNECT_URL/connector-plugins" 2>/dev/null | grep -q 'io.debezium.connector.postgresql.PostgresConnector'; do
    i=$((i + 1))
    [ "$i" -lt "$ATTEMPTS" ] || { echo "Kafka Connect did not offer the PostgreSQL connector in time" >&2; exit 1; }
    sleep 2
done

echo "registering connector $name"
curl -fsS -X PUT -H 'Content-Type: application/json' --data @"$CONNECTOR_CONFIG" \
    "$CONNECT_URL/connectors/$name/config" >/dev/null

i=0
while :; do
    status=$(curl -fsS "$CONNECT_URL/connectors/$name/status" 2>/dev/null || true)
    case "$status" in
        *'"state":"FAILED"'*) echo "connector $name failed: $status" >&2; exit 1 ;;
    esac
    # The connector and its one task both RUNNING.
    running=$(printf '%s' "$status" | grep -o '"state":"RUNNING"' | wc -l)
    if [ "$running" -ge 2 ]; then
        echo "connector $name is running"
        exit 0
    fi
    i=$((i + 1))
    [ "$i" -lt "$ATTEMPTS" ] || { echo "connector $name did not start: $status" >&2; exit 1; }
    sleep 2
done
