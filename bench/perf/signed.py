"""Writes signed requests, one a line (path, signature header, its value, body; tab-separated), for signed.lua.
  signed.py view SECRET PREFIX COUNT       panel initializes, a new contact and email on each line
  signed.py view SECRET PREFIX 1 EMAIL     one panel initialize for EMAIL (the cached view)
  signed.py webhook SECRET PREFIX COUNT    replies of new contacts, the payload naming the author's email"""
import hashlib, hmac, json, sys

kind, secret, prefix, count = sys.argv[1], sys.argv[2].encode(), sys.argv[3], int(sys.argv[4])
fixed = sys.argv[5] if len(sys.argv) > 5 else None
for n in range(count):
    contact, email = "%s-%d" % (prefix, n), fixed or "%s-%d@example.com" % (prefix, n)
    if kind == "view":
        body = json.dumps({"workspace_id": "bench", "workspace_region": "us", "admin": {"id": "1"},
                           "contact": {"id": contact, "email": email}, "component_id": None}, separators=(",", ":"))
        line = ("/canvas/initialize", "X-Body-Signature", hmac.new(secret, body.encode(), hashlib.sha256).hexdigest())
    else:
        item = {"type": "conversation", "id": contact, "source": {"author": {"type": "user", "id": contact, "email": email}},
                "contacts": {"contacts": [{"type": "contact", "id": contact}]}}
        body = json.dumps({"type": "notification_event", "id": "notif-" + contact, "topic": "conversation.user.replied",
                           "app_id": "bench", "data": {"item": item}}, separators=(",", ":"))
        line = ("/webhooks/intercom", "X-Hub-Signature", "sha1=" + hmac.new(secret, body.encode(), hashlib.sha1).hexdigest())
    print("\t".join(line + (body,)))
