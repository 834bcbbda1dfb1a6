"""Reads two scrapes of the app's /q/metrics (before and after a run of cold views) and prints the run's mean time
of an answer to POST /canvas/initialize, the mean time of the platform call inside it (the REST client's own timer,
from the request's start to the answer read), and the difference: the time the app itself adds to the platform's
latency. Micrometer keeps sums and counts, not percentiles, so these are means; they are only comparable when
each answer made one platform call, so a run whose counts differ by more than 1 % (retries, a sync fetching too)
prints n/a. (wrk's stop cuts a request or two short: those made their call but have no answer.)"""
import re, sys

LINE = re.compile(r'^(\w+)\{(.*)\} (\S+)$')


def read(path):
    values = {}
    for line in open(path):
        match = LINE.match(line.strip())
        if match:
            values[(match.group(1), match.group(2))] = float(match.group(3))
    return values


def mean(before, after, name, *labels):
    """The mean in ms and the count of the series of {name} whose labels hold all of {labels}, over the run."""
    total = count = 0.0
    for (metric, tags), value in after.items():
        if metric.startswith(name + "_seconds_") and all(label in tags for label in labels):
            delta = value - before.get((metric, tags), 0.0)
            total += delta if metric.endswith("_sum") else 0.0
            count += delta if metric.endswith("_count") else 0.0
    return (total * 1000 / count if count else None), count


before, after = read(sys.argv[1]), read(sys.argv[2])
answer, answers = mean(before, after, "http_server_requests", 'uri="/canvas/initialize"', 'status="200"')
platform, calls = mean(before, after, "http_client_requests", 'clientName="platform"', 'outcome="SUCCESS"')
if answer is None or platform is None or abs(answers - calls) > max(2, calls / 100):
    print("n/a (%d answers, %d platform calls)" % (answers, calls))
else:
    print("answer %.2f ms, of which the platform call %.2f ms: the app's own %.2f ms" % (answer, platform,
                                                                                        answer - platform))
