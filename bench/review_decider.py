"""An analyst deciding links while the review queue is read (bench/server_bench.sh).

Every decision is a write that can change a page of the queue, so each one invalidates the
server's page cache: reads measured meanwhile show the queue as it is used, pages built afresh
after every decision. Decides links among the first 200 of the queue (the pages being read), at
RATE decisions a second for SECONDS, then prints how many were recorded.

usage: review_decider.py BASE_URL TOKEN RATE SECONDS
"""
import random
import sys
import time

from api_client import make_call

base, token = sys.argv[1], sys.argv[2]
rate, seconds = float(sys.argv[3]), float(sys.argv[4])
call = make_call(base, token)

ids = [link["id"] for link in call("GET", "/api/v1/links?limit=200")[1]["links"]]
decided = failed = 0
start = time.monotonic()
while time.monotonic() - start < seconds:
    status, _ = call("POST", f"/api/v1/links/{random.choice(ids)}/decision",
                     {"decision": random.choice(["accept", "reject"])})
    if status == 200:
        decided += 1
    else:
        failed += 1
    time.sleep(max(0.0, start + (decided + failed) / rate - time.monotonic()))
print(f"decisions recorded while reading: {decided} in {seconds:.0f} s; refused: {failed}")
