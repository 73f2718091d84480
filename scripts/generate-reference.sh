#!/usr/bin/env bash
# Writes docs/reference.md from the code (mlpkit.app.reference.ReferenceDoc): the concept registry, the experiment
# file's spec classes, the data registries and the mlp command tree. ReferenceDocTest fails in `mvn -B verify` when
# the committed file differs from what this writes.
# Builds app/target/mlp.jar first when it is stale (as ./mlp does), then runs the generator from it.
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/mlp" --version >/dev/null
java -cp "$root/app/target/mlp.jar" mlpkit.app.reference.ReferenceDocKt "$root/docs/reference.md"
echo "wrote $root/docs/reference.md" >&2
