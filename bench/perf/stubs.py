"""Writes WireMock mappings for bench/perf.sh: the platform (answers in DELAY ms, the client named by the email
asked) into argv[1], and Intercom (token owner, attribute list, contact read and write) into argv[2]."""
import json, os, sys

platform_dir, intercom_dir, delay = sys.argv[1], sys.argv[2], int(sys.argv[3])
client = ('{"clients": [{"id": 4719854, "firstName": "Bench", "lastName": "Client", "email": "{{request.query.email}}", '
          '"phone": "(416) 555-0123", "status": "active", "timeZone": "America/Toronto", "createdAt": "2024-10-22T15:00:00Z", '
          '"organization": {"name": "Ruh Care Inc", "currency": "CAD"}, "careTeam": [{"name": "Dr. Sarah Johnson", "primary": true}], '
          '"invoices": [{"id": 1, "status": "unpaid", "amountDue": "150.00"}], "cardOnFile": true, '
          '"appointments": [{"id": 1, "startsAt": "2025-12-15T19:00:00Z", "status": "occurred"}], "intakeFormsCompleted": true}]}')
json_type = {"Content-Type": "application/json"}
platform = [{"request": {"method": "GET", "urlPath": "/v1/clients"},
             "response": {"status": 200, "headers": json_type, "fixedDelayMilliseconds": delay,
                          "transformers": ["response-template"], "body": client}}]

names = ["Platform Account Exists", "Client ID", "Name", "Phone Number", "Client Profile Link", "Client Status",
         "Time Zone", "Client Since", "Therapist Name", "Tags", "Group", "Unpaid Invoices", "Card on File",
         "Number of Sessions", "Last Appointment", "Next Appointment", "Intake Forms Completed", "Sub Org",
         "Multiple Accounts", "Linked Accounts", "User Data Updated On"]
typed = {"next_appointment_at": "date", "last_appointment_at": "date", "client_since_at": "date",
         "unpaid_balance": "float", "sessions_count": "integer", "platform_account_exists": "boolean"}
attributes = [{"type": "data_attribute", "name": n, "data_type": "string", "custom": True} for n in names]
attributes += [{"type": "data_attribute", "name": n, "data_type": t, "custom": True} for n, t in typed.items()]
intercom = [
    {"request": {"method": "GET", "urlPath": "/me"},
     "response": {"status": 200, "headers": json_type,
                  "jsonBody": {"type": "admin", "id": "1", "app": {"type": "app", "id_code": "bench", "region": "US"}}}},
    {"request": {"method": "GET", "urlPath": "/data_attributes"},
     "response": {"status": 200, "headers": json_type, "jsonBody": {"type": "list", "data": attributes}}},
    {"request": {"method": "GET", "urlPathPattern": "/contacts/[^/]+"},
     "response": {"status": 200, "headers": json_type, "transformers": ["response-template"],
                  "body": '{"type": "contact", "id": "{{request.pathSegments.[1]}}", "role": "user", '
                          '"email": "{{request.pathSegments.[1]}}@example.com"}'}},
    {"request": {"method": "PUT", "urlPathPattern": "/contacts/[^/]+"},
     "response": {"status": 200, "headers": json_type, "body": '{"type": "contact"}'}},
]
for folder, mappings in ((platform_dir, platform), (intercom_dir, intercom)):
    os.makedirs(os.path.join(folder, "mappings"), exist_ok=True)
    with open(os.path.join(folder, "mappings", "stubs.json"), "w") as out:
        json.dump({"mappings": mappings}, out)
