#!/usr/bin/env bash
# Sends a signed Canvas Kit initialize request, as Intercom would, and prints the canvas.
#   dev/canvas-request.sh [email] [initialize|submit] [component_id] [typed text]
# The typed text is what a teammate typed in the canvas's input (Find client's search box), e.g.
#   dev/canvas-request.sh taylor.home@example.net submit search-clients Taylor
# Defaults match `./mvnw quarkus:dev`: port 8080 and the dev client secret. The contact is the stand-in Intercom's
# contact with that email (dev-contact-1 is sami@example.com), else dev-contact-unknown; CONTACT_ID chooses another.
set -euo pipefail
email="${1:-sami@example.com}"
kind="${2:-initialize}"
component="${3:-refresh}"
typed="$(printf '%s' "${4:-}" | sed 's/\\/\\\\/g; s/"/\\"/g')"
secret="${INTERCOM_CLIENT_SECRET:-dev-client-secret}"
base="${CARE_PANEL_URL:-http://localhost:8080}"
url="${base}/canvas/${kind}"
contact="${CONTACT_ID:-$(curl -sS --get "$base/demo-intercom/dev/contacts" --data-urlencode "email=$email" 2>/dev/null \
  | sed -n 's/.*"contacts":\[{"id":"\([^"]*\)".*/\1/p' || true)}"
contact="${contact:-dev-contact-unknown}"
body=$(printf '{"workspace_id":"dev-workspace","workspace_region":"us","admin":{"id":"1","name":"Dev Teammate"},"contact":{"type":"contact","id":"%s","role":"user","email":"%s"},"conversation":{"id":"1","source":{"type":"conversation"}},"component_id":"%s","input_values":{"client-query":"%s"},"stored_data":{"view":"summary"}}' "$contact" "$email" "$component" "$typed")
signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.*= //')
curl -sS -X POST "$url" -H 'Content-Type: application/json' -H "X-Body-Signature: ${signature}" --data-binary "$body"
echo
