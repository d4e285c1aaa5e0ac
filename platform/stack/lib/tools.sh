# Installs what a fresh machine lacks: Bun (from npm), Java and Maven, MariaDB, Redis, nginx and jq (from Debian), and the
# Kafka, Kafka Connect and Debezium jars (from Maven Central). Each step is skipped when its result is already there.

apt_install() {
  command -v apt-get >/dev/null || die "missing $*: install it with your package manager"
  say "installing $* from Debian packages"
  if [[ ! -f "$RUN_DIR/apt-updated" ]]; then
    apt-get update -qq >/dev/null && touch "$RUN_DIR/apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_system_tools() {
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
  command -v mvn >/dev/null || apt_install maven
  command -v mariadbd >/dev/null || [[ -x /usr/sbin/mariadbd ]] || apt_install mariadb-server
  command -v redis-server >/dev/null || apt_install redis-server
  command -v curl >/dev/null || apt_install curl
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || apt_install nginx
  # The README's walkthrough (run by the e2e tier as written) reads answers with jq.
  command -v jq >/dev/null || apt_install jq
}

# Bun comes from npm; a project-local copy is used when the machine has none of the pinned version.
ensure_bun() {
  local local_bin="$STACK_DIR/tools/node_modules/.bin"
  export PATH="$local_bin:$PATH"
  if command -v bun >/dev/null && [[ $(bun --version) == "$BUN_VERSION" ]]; then return; fi
  say "installing bun $BUN_VERSION from npm"
  npm install --silent --no-audit --no-fund --prefix "$STACK_DIR/tools" "bun@$BUN_VERSION" >/dev/null
  [[ $(bun --version) == "$BUN_VERSION" ]] || die "bun $BUN_VERSION did not install"
}

ensure_node_modules() {
  local stamp="$ROOT/node_modules/.install-stamp"
  if [[ -f $stamp && $stamp -nt "$ROOT/bun.lock" && $stamp -nt "$ROOT/package.json" ]]; then return; fi
  say "installing workspace dependencies"
  (cd "$ROOT" && bun install --frozen-lockfile >/dev/null)
  touch "$stamp"
}

# fetch_jars NAME POM [extra mvn args...]: copies the POM's runtime dependencies into $STACK_DIR/jars/NAME once.
fetch_jars() {
  local name=$1 pom=$2
  shift 2
  local dir="$STACK_DIR/jars/$name" stamp
  stamp="$STACK_DIR/jars/$name.$(sha1sum "$pom" | cut -c1-12)-$KAFKA_VERSION-$CONNECT_VERSION-$DEBEZIUM_VERSION"
  [[ -f $stamp ]] && return
  say "fetching $name jars from Maven Central"
  rm -rf "$dir"
  mvn -q -B -f "$pom" -Dkafka.version="$KAFKA_VERSION" -Dconnect.version="$CONNECT_VERSION" \
    -Ddebezium.version="$DEBEZIUM_VERSION" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$dir" "$@" >"$LOG_DIR/maven-${name//\//-}.log" 2>&1 || die "maven failed: $LOG_DIR/maven-${name//\//-}.log"
  touch "$stamp"
}

ensure_jars() {
  fetch_jars broker "$STACK_SRC/maven/broker-pom.xml"
  fetch_jars connect "$STACK_SRC/maven/connect-pom.xml"
  # Connect provides Kafka, SLF4J and Jackson to plugins; a second copy in the plugin folder would shadow them.
  fetch_jars plugins/debezium-connector-mariadb "$STACK_SRC/maven/debezium-pom.xml" \
    -DexcludeGroupIds=org.apache.kafka,org.slf4j \
    -DexcludeArtifactIds=jackson-core,jackson-databind,jackson-annotations,jackson-datatype-jsr310
}
