"""Reads `jfr print --json --events jdk.ExecutionSample` (or jdk.ObjectAllocationSample) on stdin; prints the
hottest methods by own samples, and the app's own methods (app.carepanel) by the samples whose stack passes through
them. Allocation samples are weighed by the bytes each stands for, and also summed by the class allocated."""
import collections, json, sys

events = json.load(sys.stdin)["recording"]["events"]
own, through, threads, classes = (collections.Counter() for _ in range(4))
total = 0
for event in events:
    values = event["values"]
    weight = values.get("weight", 1)
    total += weight
    thread = (values.get("sampledThread") or values.get("eventThread") or {}).get("javaName") or "?"
    threads[thread.rstrip("0123456789").rstrip("-")] += weight
    if values.get("objectClass"):
        classes[values["objectClass"]["name"].replace("/", ".")] += weight
    frames = values["stackTrace"]["frames"] if values.get("stackTrace") else []
    names = ["%s.%s" % (f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in frames]
    if names:
        own[names[0]] += weight
    for name in set(names):
        if name.startswith("app.carepanel."):
            through[name] += weight
unit = "bytes" if classes else "samples"
print("%d %s in %d events" % (total, unit, len(events)))
sections = [("threads (numbers dropped)", threads, 8), ("hottest methods, own %s" % unit, own, 25)]
if classes:
    sections.append(("classes allocated", classes, 20))
sections.append(("app methods, %s passing through" % unit, through, 40))
for title, counter, count in sections:
    print("\n%s:" % title)
    for name, value in counter.most_common(count):
        print("%5.1f %%  %s" % (100 * value / max(total, 1), name))
