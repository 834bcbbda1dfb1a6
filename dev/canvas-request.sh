#!/usr/bin/env bash
# Sends a signed Canvas Kit initialize request, as Intercom would, and prints the canvas.
#   dev/canvas-request.sh [email] [initialize|submit] [component_id]
# Defaults match `./mvnw quarkus:dev`: port 8080 and the dev client secret.
set -euo pipefail
email="${1:-sami@example.com}"
kind="${2:-initialize}"
component="${3:-refresh}"
secret="${INTERCOM_CLIENT_SECRET:-dev-client-secret}"
url="${CARE_PANEL_URL:-http://localhost:8080}/canvas/${kind}"
body=$(printf '{"workspace_id":"dev-workspace","workspace_region":"us","admin":{"id":"1","name":"Dev Teammate"},"contact":{"type":"contact","id":"dev-contact-1","role":"user","email":"%s"},"conversation":{"id":"1","source":{"type":"conversation"}},"component_id":"%s","stored_data":{"view":"summary"}}' "$email" "$component")
signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.*= //')
curl -sS -X POST "$url" -H 'Content-Type: application/json' -H "X-Body-Signature: ${signature}" --data-binary "$body"
echo
