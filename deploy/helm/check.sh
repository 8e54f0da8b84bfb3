#!/usr/bin/env bash
# Chart validation, run by `npm test` (and so by CI): helm lint, then helm template over the
# default values and both examples, each rendered manifest decoded strictly into the
# Kubernetes API types (deploy/helm/validate). Installs its tools itself through the Go
# toolchain, pinned, into a cache that later runs reuse (a cold first run builds helm: minutes).
set -euo pipefail
cd "$(dirname "$0")"

HELM_VERSION=v3.19.5
TOOLS="${LOG_EXPLORER_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/log-explorer-tools}"
HELM="$TOOLS/helm-$HELM_VERSION/helm"
VALIDATE="$TOOLS/validate-manifests"
CHART=log-explorer
# The Kubernetes version the manifests are rendered for (and the k8s.io/api types match).
KUBE_VERSION=1.34.0

export PATH="$PATH:/usr/local/go/bin:$HOME/go/bin"
command -v go >/dev/null || { echo "check.sh: the Go toolchain is needed to install helm (go install)"; exit 1; }
if [ ! -x "$HELM" ]; then
  echo "installing helm $HELM_VERSION with go install (first run only)"
  GOBIN="$(dirname "$HELM")" GOFLAGS=-mod=mod go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
fi
# Rebuilt when its source changes (go's build cache makes an unchanged rebuild instant).
(cd validate && go build -o "$VALIDATE" .)

"$HELM" version --short
export HELM_CACHE_HOME="$TOOLS/helm-cache" HELM_CONFIG_HOME="$TOOLS/helm-config" HELM_DATA_HOME="$TOOLS/helm-data"

required=(--set elasticsearch.url=https://elasticsearch.logging.svc:9200)
"$HELM" lint --strict "$CHART" "${required[@]}"
for example in "$CHART"/examples/*.yaml; do
  "$HELM" lint --strict "$CHART" -f "$example"
done

render() { "$HELM" template lx "$CHART" --namespace logging --kube-version "$KUBE_VERSION" "$@"; }
echo "--- default values"
render "${required[@]}" | "$VALIDATE"
echo "--- every optional object on"
render "${required[@]}" --set ingress.enabled=true --set autoscaling.enabled=true --set networkPolicy.enabled=true \
  --set 'networkPolicy.engine.to[0].ipBlock.cidr=10.0.0.0/8' --set elasticsearch.auth.existingSecret=es \
  --set elasticsearch.ca.existingSecret=ca --set embed.existingSecret=embed --set metrics.token.existingSecret=m \
  --set "embed.allowedOrigins={https://wiki.example.com}" --set config.hstsMaxAge=31536000 \
  --set podDisruptionBudget.maxUnavailable=1 | "$VALIDATE"
for example in "$CHART"/examples/*.yaml; do
  echo "--- $example"
  render -f "$example" | "$VALIDATE"
done

# The chart must refuse what would not work, with a message that says why.
expect_failure() {
  local why="$1"; shift
  if out=$(render "$@" 2>&1); then echo "expected a failure: $why"; exit 1; fi
  grep -q "$why" <<<"$out" || { echo "unexpected failure text: $out"; exit 1; }
}
expect_failure "elasticsearch.url is required"
expect_failure "networkPolicy.engine.to must name" "${required[@]}" --set networkPolicy.enabled=true
# And the validator must catch what it is there for: a misspelled field and a wrong type.
good=$(render "${required[@]}")
for bad in 's/readOnlyRootFilesystem:/readOnlyRootFilesystm:/' 's/replicas: 2/replicas: "two"/'; do
  if sed "$bad" <<<"$good" | "$VALIDATE" >/dev/null 2>&1; then echo "the validator accepted a broken manifest ($bad)"; exit 1; fi
done
echo "chart checks passed"
