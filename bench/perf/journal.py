"""Reads WireMock's request journal (JSON on stdin) of the Intercom stub and prints, space-separated: contact
writes (PUT), contact reads (GET /contacts), all calls, the most calls in one clock-aligned 10-second window
(Intercom's own window: over perMinute/6 in one, Intercom answers 429), the seconds from the first write to
the last, and the writes a minute from 30 s after the first write to the last (the JIT compiler has then done
most of its work on a freshly started app; 0 for a shorter drain)."""
import collections, json, sys

requests = [entry["request"] for entry in json.load(sys.stdin)["requests"]]
writes = sum(1 for r in requests if r["method"] == "PUT" and r["url"].startswith("/contacts/"))
reads = sum(1 for r in requests if r["method"] == "GET" and r["url"].startswith("/contacts/"))
windows = collections.Counter(r["loggedDate"] // 10000 for r in requests)
put_times = [r["loggedDate"] for r in requests if r["method"] == "PUT"]
span = (max(put_times) - min(put_times)) / 1000 if put_times else 0
late = [t for t in put_times if t >= min(put_times) + 30000] if put_times else []
late_span = (max(late) - min(late)) / 1000 if len(late) > 1 else 0
late_rate = (len(late) - 1) * 60 / late_span if late_span else 0
print(writes, reads, len(requests), max(windows.values(), default=0), "%.1f" % span, "%.0f" % late_rate)
