"""Reads `jfr print --json --events jdk.ExecutionSample` on stdin; prints the hottest methods by own samples, and
the app's own methods (app.carepanel) by the samples whose stack passes through them."""
import collections, json, sys

events = json.load(sys.stdin)["recording"]["events"]
own, through, threads, total = collections.Counter(), collections.Counter(), collections.Counter(), len(events)
for event in events:
    thread = (event["values"].get("sampledThread") or {}).get("javaName") or "?"
    threads[thread.rstrip("0123456789").rstrip("-")] += 1
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    names = ["%s.%s" % (f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in frames]
    if names:
        own[names[0]] += 1
    for name in set(names):
        if name.startswith("app.carepanel."):
            through[name] += 1
print("%d samples" % total)
print("\nthreads (numbers dropped):")
for name, count in threads.most_common(8):
    print("%5.1f %%  %s" % (100 * count / total, name))
print("\nhottest methods, own samples:")
for name, count in own.most_common(25):
    print("%5.1f %%  %s" % (100 * count / total, name))
print("\napp methods, samples passing through:")
for name, count in through.most_common(40):
    print("%5.1f %%  %s" % (100 * count / total, name))
