#!/usr/bin/env bash
# The Connect image's entry point: the local stack's worker configuration (platform/stack/conf/connect.properties)
# with the container's addresses on top (a later key wins in a .properties file), and the same JVM flags as
# platform/stack/lib/components.sh. The JMX exporter agent runs when CONNECT_JMX_PORT is set.
set -euo pipefail
: "${KAFKA_BROKERS:?KAFKA_BROKERS (host:port,...) is required}"
port=${CONNECT_PORT:-8083}
conf=/tmp/connect.properties
sed -e "s#@KAFKA_PORT@#9092#g" -e "s#@CONNECT_PORT@#$port#g" -e "s#@STACK_DIR@#/opt/connect#g" \
  /opt/connect/conf/connect.properties >"$conf"
cat >>"$conf" <<PROPS
# Container overrides (platform/deploy/connect/entrypoint.sh)
bootstrap.servers=$KAFKA_BROKERS
listeners=http://0.0.0.0:$port
rest.advertised.host.name=${CONNECT_ADVERTISED_HOST:-$(hostname -i 2>/dev/null | cut -d' ' -f1 || hostname)}
plugin.path=/opt/connect/plugins
config.storage.replication.factor=${CONNECT_REPLICATION_FACTOR:-1}
offset.storage.replication.factor=${CONNECT_REPLICATION_FACTOR:-1}
status.storage.replication.factor=${CONNECT_REPLICATION_FACTOR:-1}
PROPS
agent=()
if [[ -n ${CONNECT_JMX_PORT:-} ]]; then
  agent=("-javaagent:$(ls /opt/connect/jmx-exporter/jmx_prometheus_javaagent-*.jar | head -1)=0.0.0.0:$CONNECT_JMX_PORT:/opt/connect/conf/jmx-connect.yml")
fi
exec java ${CONNECT_HEAP_OPTS:--Xms128m -Xmx512m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k \
  -Dlog4j2.configurationFile=/opt/connect/conf/log4j2.properties "${agent[@]}" -cp '/opt/connect/connect/*' \
  org.apache.kafka.connect.cli.ConnectDistributed "$conf"
