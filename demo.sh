#!/bin/sh
# The demo: builds what it needs (only a JDK 17+ is required), then starts the two sample services, sends events
# over HTTP and shows what arrived. Options: --transport redis (needs a redis-server), --enrollments N.
# Windows: mvnw.cmd -q -B -DskipTests -pl eventbus-demo -am package, then java -jar eventbus-demo\target\eventbus-demo.jar
set -e
cd "$(dirname "$0")"
echo "Building the samples and the demo (./mvnw -q -B -DskipTests -pl eventbus-demo -am package) ..."
./mvnw -q -B -DskipTests -pl eventbus-demo -am package
exec java -jar eventbus-demo/target/eventbus-demo.jar "$@"
