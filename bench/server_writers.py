"""50 concurrent writers updating the same objects through `parley serve`; counts lost updates.

Each writer appends handover-style interview updates to the SAME few person records with the
optimistic protocol a real client uses: read the current version, PUT with it, and on 409
re-read and retry. Every successful PUT is counted by the writer; at the end the number of
interview versions stored per record must equal the successes counted for it (nothing lost,
nothing doubled), and every 409 must have been retried to success.

usage: server_writers.py BASE_URL TOKEN RECORD_ID[,RECORD_ID...] [WRITERS] [UPDATES_PER_WRITER]
"""
import sys
import threading

from api_client import make_call

base, token, records = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3].split(",")]
writers = int(sys.argv[4]) if len(sys.argv) > 4 else 50
updates = int(sys.argv[5]) if len(sys.argv) > 5 else 20


call = make_call(base, token)

lock = threading.Lock()
ok = {r: 0 for r in records}
conflicts = [0]
resets = [0]
failures = []


def get(path):
    while True:  # a read is safe to repeat after a dropped connection
        try:
            return call("GET", path)
        except OSError:
            resets[0] += 1


def put_once(rec, body):
    """PUT; when the connection drops before the answer, look whether the write landed (its
    notes are unique) instead of guessing."""
    try:
        return call("PUT", f"/api/v1/records/{rec}/interview", body)
    except OSError:
        resets[0] += 1
        _, state = get(f"/api/v1/records/{rec}/interview")
        if any(h["notes"] == body["notes"] for h in state["history"]):
            return 200, {}
        return 409, {}


def writer(n):
    for i in range(updates):
        rec = records[(n + i) % len(records)]
        while True:
            status, body = get(f"/api/v1/records/{rec}/interview")
            if status != 200:
                failures.append((status, body))
                return
            outcome = "consents" if (n + i) % 2 else "refuses"
            status, body = put_once(rec, {"version": body["version"], "outcome": outcome,
                                          "notes": f"writer {n} update {i}"})
            if status in (200, 201):
                with lock:
                    ok[rec] += 1
                break
            if status == 409:
                with lock:
                    conflicts[0] += 1
                continue
            failures.append((status, body))
            return


before = {r: call("GET", f"/api/v1/records/{r}/interview")[1]["version"] for r in records}
threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
after = {r: call("GET", f"/api/v1/records/{r}/interview")[1]["version"] for r in records}
stored = sum(after[r] - before[r] for r in records)
counted = sum(ok.values())
print(f"writers {writers}, updates each {updates}, records {len(records)}")
print(f"successful updates counted by clients: {counted}")
print(f"interview versions stored:             {stored}")
print(f"409 conflicts (each retried):          {conflicts[0]}")
print(f"dropped connections (resolved):       {resets[0]}")
print(f"failures:                              {len(failures)} {failures[:3]}")
lost = counted - stored
print(f"lost updates:                          {lost}")
sys.exit(0 if lost == 0 and not failures and counted == writers * updates else 1)
