#!/bin/sh
# What apache/kafka's script of this name runs, so docker-compose.yml's health check works unchanged.
exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '/opt/kafka/libs/*' \
  kafka.admin.BrokerApiVersionsCommand "$@"
