#!/usr/bin/env bash
# mlp run under spark-submit: Spark's own launcher class (org.apache.spark.deploy.SparkSubmit, in the Maven-resolved
# Spark jars that spark/target/spark-classpath.txt lists) submits app/target/mlp.jar with main class mlpkit.app.MainKt
# and the mlpkit-spark jar in --jars, here in client mode. spark-submit's --master decides where the run trains: mlp
# takes it from the spark.master property spark-submit sets, in place of the experiment's cluster.master (docs/spark.md,
# "Under spark-submit").
#
#   scripts/spark-submit-example.sh [MASTER] [EXPERIMENT.json] [mlp run options…]
#   defaults: local[2], examples/spark/e3.json, --quiet --no-report --out runs
#   MVN_OPTS="-o -Dmaven.repo.local=/tmp/m2": Maven options for the build (run only when a jar is missing or stale).
#
# With a Spark distribution installed, the same submission is
#   $SPARK_HOME/bin/spark-submit --master MASTER --class mlpkit.app.MainKt \
#     --jars spark/target/mlpkit-spark-VERSION.jar app/target/mlp.jar run EXPERIMENT.json
# Exit status: mlp's (0 ok, 1 an expect figure not reached, 2 invalid input or the build failed, 3 internal error).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
master="${1:-local[2]}"
experiment="${2:-$root/examples/spark/e3.json}"
shift $(($# < 2 ? $# : 2))
options=("$@")
((${#options[@]})) || options=(--quiet --no-report --out runs)

app_jar="$root/app/target/mlp.jar"
classpath_file="$root/spark/target/spark-classpath.txt"
# Touched after each build of this script's (Maven leaves an unchanged class path file, and an unchanged jar, as they were).
built="$root/spark/target/.spark-submit-example.built"
newer_than() { # FILE DIR…: whether a pom or a file under DIR… is newer than FILE
  local file="$1"
  shift
  [[ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$@" -newer "$file" -print -quit 2>/dev/null)" ]]
}
stale() {
  [[ -f "$app_jar" && -f "$classpath_file" ]] || return 0
  compgen -G "$root/spark/target/mlpkit-spark-*.jar" >/dev/null || return 0
  if [[ -f "$built" ]]; then
    newer_than "$built" "$root"/{core,data,dsl,app,spark}/src/main
  else
    # Built by Maven itself (e.g. mvn -B -DskipTests install on a fresh clone): compare with the jars.
    local spark_jar
    spark_jar=$(compgen -G "$root/spark/target/mlpkit-spark-*.jar" | head -1)
    newer_than "$app_jar" "$root"/{core,data,dsl,app}/src/main || newer_than "$spark_jar" "$root"/spark/src/main
  fi
}
if stale; then
  echo "spark-submit-example: building app/target/mlp.jar and the spark module (mvn -B -q -DskipTests package -pl spark -am) ..." >&2
  # shellcheck disable=SC2086
  (cd "$root" && mvn -B -q ${MVN_OPTS:-} -DskipTests package -pl spark -am) >&2 || { echo "spark-submit-example: the build failed (Maven output above)" >&2; exit 2; }
  touch "$built"
fi
spark_jars=("$root"/spark/target/mlpkit-spark-*.jar)
[[ -f "${spark_jars[0]}" ]] || { echo "spark-submit-example: no spark/target/mlpkit-spark-*.jar after the build" >&2; exit 2; }

# The JVM options Spark's launcher (bin/spark-submit) adds on JDK 17+ (JavaModuleOptions), and the Vector API module
# that mlpkit's kernels use; Spark's warnings only.
jvm_options=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true --enable-native-access=ALL-UNNAMED
  --sun-misc-unsafe-memory-access=allow
  "-Dlog4j2.configurationFile=$root/spark/conf/log4j2-mlp.properties")
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
echo "spark-submit-example: SparkSubmit --master $master --class mlpkit.app.MainKt --jars ${spark_jars[0]#$root/} app/target/mlp.jar run $experiment ${options[*]}" >&2
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" "${jvm_options[@]}" -cp "$(cat "$classpath_file")" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --deploy-mode client --name mlpkit --class mlpkit.app.MainKt --jars "${spark_jars[0]}" \
  "$app_jar" run "$experiment" "${options[@]}"
