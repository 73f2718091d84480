#!/usr/bin/env bash
# The spark module's multi-process cluster test (spark/src/test/java/mlpkit/spark/cluster, tag "cluster"), which
# the default build leaves out: Spark's local-cluster[2,1,1024] master on 127.0.0.1, two executors as separate JVM
# processes launched from a Spark home that Maven fills with its own jars (spark/target/sparkhome/jars), and the
# engine's equalities with local training checked there (loss and gradient, 50 L-BFGS iterations, parameter
# averaging bit for bit). Builds core and data first (-am). Extra arguments go to Maven, e.g.
#   scripts/spark-cluster-test.sh -o -Dmaven.repo.local=/tmp/m2
# Exit status: Maven's. Executor logs: spark/target/sparkhome/work/.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -pl spark -am -Pcluster test -Dtest=MultiProcessClusterIT -Dsurefire.failIfNoSpecifiedTests=false "$@"
