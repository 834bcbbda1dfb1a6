"""Reads WireMock's request journal (JSON on stdin) of the Intercom stub and prints, space-separated: contact
writes (PUT), contact reads (GET /contacts), all calls, the most calls in one clock-aligned 10-second window
(Intercom's own window: over perMinute/6 in one, Intercom answers 429), and the seconds from the first write to
the last."""
import collections, json, sys

requests = [entry["request"] for entry in json.load(sys.stdin)["requests"]]
writes = sum(1 for r in requests if r["method"] == "PUT" and r["url"].startswith("/contacts/"))
reads = sum(1 for r in requests if r["method"] == "GET" and r["url"].startswith("/contacts/"))
windows = collections.Counter(r["loggedDate"] // 10000 for r in requests)
put_times = [r["loggedDate"] for r in requests if r["method"] == "PUT"]
span = (max(put_times) - min(put_times)) / 1000 if put_times else 0
print(writes, reads, len(requests), max(windows.values(), default=0), "%.1f" % span)
