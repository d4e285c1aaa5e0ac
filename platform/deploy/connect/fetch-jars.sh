#!/usr/bin/env bash
# fetch-jars.sh NAME POM [extra mvn args...]: the Connect image's build stage, the same Maven call as the local stack's
# fetch_jars (platform/stack/lib/tools.sh): the POM's runtime dependencies into /jars/NAME.
set -euo pipefail
name=$1 pom=$2
shift 2
mvn -q -B -f "$pom" -Dkafka.version="$KAFKA_VERSION" -Dconnect.version="$CONNECT_VERSION" \
  -Ddebezium.version="$DEBEZIUM_VERSION" dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="${JARS_DIR:-/jars}/$name" "$@"
