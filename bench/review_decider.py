"""An analyst deciding links while the review queue is read (bench/server_bench.sh).

Every decision is a write that can change a page of the queue, so each one invalidates the
server's page cache: reads measured meanwhile show the queue as it is used, pages built afresh
after every decision. Decides links among the first 200 of the queue (the pages being read), at
RATE decisions a second for SECONDS, then prints how many were recorded.

usage: review_decider.py BASE_URL TOKEN RATE SECONDS
"""
import json
import random
import sys
import time
import urllib.request

base, token = sys.argv[1], sys.argv[2]
rate, seconds = float(sys.argv[3]), float(sys.argv[4])


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


ids = [link["id"] for link in call("GET", "/api/v1/links?limit=200")["links"]]
decided = 0
start = time.monotonic()
while time.monotonic() - start < seconds:
    call("POST", f"/api/v1/links/{random.choice(ids)}/decision",
         {"decision": random.choice(["accept", "reject"])})
    decided += 1
    time.sleep(max(0.0, start + decided / rate - time.monotonic()))
print(f"decisions recorded while reading: {decided} in {seconds:.0f} s")
