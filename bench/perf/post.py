"""Posts every request of a file written by signed.py once, over 8 connections; exits non-zero on a non-200."""
import http.client, sys, threading

port, lines = int(sys.argv[1]), open(sys.argv[2]).read().splitlines()
failures = []

def post(share):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    for line in share:
        path, header, value, body = line.split("\t", 3)
        connection.request("POST", path, body.encode(), {"Content-Type": "application/json", header: value})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            failures.append(response.status)

workers = [threading.Thread(target=post, args=(lines[n::8],)) for n in range(8)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
if failures:
    sys.exit("%d requests failed, e.g. %d" % (len(failures), failures[0]))
