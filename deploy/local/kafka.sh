# Kafka: a real single-node KRaft broker built from the Maven Central artifacts (sourced by ./shop).

kafka_libs=$SHOP_CACHE/kafka-$KAFKA_VERSION/libs
kafka_dir=$SHOP_STATE/kafka

kafka_install() {
  [ -f "$kafka_libs/.complete" ] && return
  step "Fetching Kafka $KAFKA_VERSION from Maven Central (once)"
  rm -rf "$kafka_libs"
  mvn -q -B -f "$SHOP_ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
    -Dkafka.version="$KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$kafka_libs" \
    || die "could not resolve Kafka from Maven"
  touch "$kafka_libs/.complete"
}

kafka_write_config() {
  mkdir -p "$kafka_dir/data"
  cat >"$kafka_dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$SHOP_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$SHOP_KAFKA_PORT,CONTROLLER://127.0.0.1:$SHOP_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$SHOP_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$kafka_dir/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$kafka_dir/log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stdout
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

kafka_java=(java -Xms128m -Xmx384m -XX:+UseSerialGC -Dlog4j.configuration="file:$kafka_dir/log4j.properties"
  -Dshop.state="$SHOP_STATE" -cp "$kafka_libs/*")

# Ready when the broker lists itself in answer to a metadata request: with its port open it may still
# be catching up on its metadata log, and then cannot create or describe topics yet.
kafka_ready() {
  port_open "$SHOP_KAFKA_PORT" || return 1
  timeout 30 "${kafka_java[@]}" kafka.admin.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$SHOP_KAFKA_PORT" \
    2>/dev/null | grep -q "^127.0.0.1:$SHOP_KAFKA_PORT (id: 1 rack: [^)]*) -> ($"
}

kafka_up() {
  if pid_of kafka >/dev/null && kafka_ready; then ok "Kafka already running on 127.0.0.1:$SHOP_KAFKA_PORT"; return; fi
  kafka_install
  kafka_write_config
  if [ ! -f "$kafka_dir/data/meta.properties" ]; then
    "${kafka_java[@]}" kafka.tools.StorageTool format --ignore-formatted \
      -t "$("${kafka_java[@]}" kafka.tools.StorageTool random-uuid)" \
      -c "$kafka_dir/server.properties" >"$SHOP_LOGS/kafka-format.log" 2>&1 || die "could not format Kafka storage"
  fi
  launch kafka "${kafka_java[@]}" kafka.Kafka "$kafka_dir/server.properties"
  wait_until 120 "Kafka" kafka_ready || die "Kafka did not start, see $SHOP_LOGS/kafka.log"
  ok "Kafka ready on 127.0.0.1:$SHOP_KAFKA_PORT"
}

kafka_down() { stop TERM kafka; }
