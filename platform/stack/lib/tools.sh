# Installs what a fresh machine lacks: Bun (from npm), Java and Maven, MariaDB, Redis, nginx, jq, Chromium, Prometheus and
# its Redis and MySQL exporters (from Debian), and the Kafka, Kafka Connect, Debezium and JMX exporter jars (from Maven
# Central). Each step is skipped when its result is already there.

apt_install() {
  command -v apt-get >/dev/null || die "missing $*: install it with your package manager"
  local arg packages=()
  for arg; do [[ $arg == -* ]] || packages+=("$arg"); done
  say "installing ${packages[*]} from Debian packages"
  if [[ ! -f "$RUN_DIR/apt-updated" ]]; then
    apt-get update -qq >/dev/null && touch "$RUN_DIR/apt-updated"
  fi
  # Another installer holding dpkg's lock (a parallel `stack up`) is waited for, not an error.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$@" >/dev/null
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
  # The operator console's browser test drives Debian's Chromium with playwright-core (no browser download).
  command -v chromium >/dev/null || [[ -x /usr/bin/chromium ]] || apt_install chromium
  command -v prometheus >/dev/null || apt_install_daemon prometheus
  command -v prometheus-redis-exporter >/dev/null || apt_install_daemon prometheus-redis-exporter
  command -v prometheus-mysqld-exporter >/dev/null || apt_install_daemon prometheus-mysqld-exporter
}

# apt_install_daemon PACKAGE: a package that ships a system service the stack must not run. The stack starts its own
# process with its own config and ports; Debian's would hold 9090/9100/9104/9121 with Debian's config. Recommends are
# left out (prometheus recommends prometheus-node-exporter, which would take 9100), a policy-rc.d that answers 101
# ("action forbidden") keeps the postinst from starting it, and on a systemd machine it is disabled as well.
apt_install_daemon() {
  local package=$1 policy=/usr/sbin/policy-rc.d own_policy=false
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# written by the commerce stack while it installs %s\nexit 101\n' "$package" >"$policy"
    chmod +x "$policy"
    own_policy=true
  fi
  apt_install --no-install-recommends "$package" || { [[ $own_policy == true ]] && rm -f "$policy"; return 1; }
  [[ $own_policy == true ]] && rm -f "$policy"
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    systemctl disable --now "$package" >/dev/null 2>&1 || true
  fi
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
  # The Prometheus JMX exporter agent is one shaded jar; its POM's own dependencies are inside it.
  fetch_jars jmx-exporter "$STACK_SRC/maven/jmx-exporter-pom.xml" -DexcludeTransitive=true
}
