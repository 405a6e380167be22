#!/usr/bin/env bash
# Entrypoint of the compose stack's Flink containers (flink:2.0.2-java17). Copies our
# configuration over the image's, makes the shared state volume writable for the image's flink
# user, then hands over to the image's own entrypoint, which adds the container's network layout
# (JOB_MANAGER_RPC_ADDRESS, FLINK_PROPERTIES) to conf/config.yaml. The file is copied, not
# mounted in place, because that entrypoint rewrites conf/config.yaml.
set -euo pipefail
cp /opt/contactsync/flink/config.yaml /opt/contactsync/flink/log4j-console.properties "$FLINK_HOME/conf/"
mkdir -p /flink-state
chown flink:flink /flink-state
exec /docker-entrypoint.sh "$@"
