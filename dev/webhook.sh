#!/usr/bin/env bash
# Sends a signed Intercom webhook notification, as Intercom would, about a contact of dev mode's stand-in Intercom,
# and prints the app's answer; the contact's attributes are written a moment later (see the last line printed).
#   dev/webhook.sh <contact-id-or-email> [topic]
# topic: conversation.user.replied (default: the client sent a message), conversation.user.created,
# contact.email.updated, conversation_part.tag.created (the sync tag, SYNC_TAG, default platform-sync).
# Defaults match `./mvnw quarkus:dev`: port 8080 and the dev client secret.
set -euo pipefail
who="${1:?usage: dev/webhook.sh <contact-id-or-email> [topic]}"
topic="${2:-conversation.user.replied}"
secret="${INTERCOM_CLIENT_SECRET:-dev-client-secret}"
base="${CARE_PANEL_URL:-http://localhost:8080}"
workspace="dev-workspace"

# The stand-in's contact: by id as given, or the id of the contact with that email.
if [[ "$who" == *@* ]]; then
  contact=$(curl -sS --get "$base/demo-intercom/dev/contacts" --data-urlencode "email=$who")
  id=$(printf '%s' "$contact" | sed -n 's/.*"contacts":\[{"id":"\([^"]*\)".*/\1/p')
  if [[ -z "$id" ]]; then
    echo "The stand-in Intercom has no contact with that email; see $base/demo-intercom/dev/contacts" >&2
    exit 1
  fi
else
  id="$who"
  contact=$(curl -sS "$base/demo-intercom/dev/contacts/$id")
fi
email=$(printf '%s' "$contact" | sed -n 's/.*"email":"\([^"]*\)".*/\1/p')
if [[ -z "$email" ]]; then
  echo "The stand-in Intercom has no contact $id; see $base/demo-intercom/dev/contacts" >&2
  exit 1
fi

now=$(date +%s)
author=$(printf '{"type":"user","id":"%s","email":"%s"}' "$id" "$email")
message='<p>Hello, a question about my next appointment.</p>'
conversation="dev-conversation-${id#dev-contact-}"
case "$topic" in
  conversation.user.replied|conversation.user.created)
    parts='[]'
    if [[ "$topic" == conversation.user.replied ]]; then
      parts=$(printf '[{"type":"conversation_part","part_type":"comment","body":"%s","author":%s}]' "$message" "$author")
    fi
    item=$(printf '{"type":"conversation","id":"%s","created_at":%s,"updated_at":%s,"state":"open","source":{"type":"conversation","delivered_as":"customer_initiated","body":"%s","author":%s},"contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"%s"}]},"conversation_parts":{"type":"conversation_part.list","conversation_parts":%s},"tags":{"type":"tag.list","tags":[]}}' \
      "$conversation" "$now" "$now" "$message" "$author" "$id" "$parts")
    ;;
  contact.email.updated)
    item=$(printf '{"type":"contact","id":"%s","role":"user","email":"%s"}' "$id" "$email")
    ;;
  conversation_part.tag.created)
    tags=$(printf '{"type":"tag.list","tags":[{"type":"tag","id":"dev-tag-1","name":"%s","applied_by":{"type":"admin","id":"dev-admin"}}]}' "${SYNC_TAG:-platform-sync}")
    item=$(printf '{"type":"conversation","id":"%s","created_at":%s,"updated_at":%s,"state":"open","source":{"type":"conversation","delivered_as":"customer_initiated","body":"%s","author":%s},"contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"%s"}]},"tags":%s,"tags_added":%s}' \
      "$conversation" "$now" "$now" "$message" "$author" "$id" "$tags" "$tags")
    ;;
  *)
    echo "topic must be conversation.user.replied, conversation.user.created, contact.email.updated or conversation_part.tag.created" >&2
    exit 2
    ;;
esac
body=$(printf '{"type":"notification_event","app_id":"%s","id":"notif_dev_%s_%s%s","topic":"%s","delivery_status":"pending","delivery_attempts":1,"created_at":%s,"first_sent_at":%s,"data":{"type":"notification_event_data","item":%s}}' \
  "$workspace" "$now" "$RANDOM" "$RANDOM" "$topic" "$now" "$now" "$item")
signature=$(printf '%s' "$body" | openssl dgst -sha1 -hmac "$secret" -hex | sed 's/^.*= //')
echo "POST /webhooks/intercom ($topic, contact $id):"
curl -sS -X POST "$base/webhooks/intercom" -H 'Content-Type: application/json' -H "X-Hub-Signature: sha1=${signature}" \
  --data-binary "$body"
echo
echo "The attributes written to it: curl -s $base/demo-intercom/dev/contacts/$id"
