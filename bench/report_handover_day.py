"""Records phase 1 of plan 1 of a demo workspace as carried out: each person interviewed, then
handed over and received (every 50th refuses), through the real `parley` commands."""
import json, os, subprocess, sys
P, WS = sys.argv[1], sys.argv[2]
env = dict(os.environ, PARLEY_USER="mediator-checkpoint")
def parley(*a, capture=False):
    return subprocess.run([P, *a, "--workspace", WS], env=env, check=True, capture_output=True, text=True).stdout
out = json.loads(parley("plan", "progress", "1", "--json"))["outstanding"]
people = [o for o in out if o["phase"] == 1]
for i, o in enumerate(people):
    r = str(o["record_id"]); minute = f"{8 + i // 120:02d}:{(i // 2) % 60:02d}"
    if i % 50 == 49:
        parley("interview", r, "--outcome", "refuses", "--at", f"2026-05-23T{minute}:00Z")
        continue
    parley("interview", r, "--outcome", "consents", "--at", f"2026-05-23T{minute}:00Z")
    parley("handover", r, "--event", "handed_over", "--phase", "1", "--place", "Checkpoint Sumy", "--at", f"2026-05-23T{minute}:10Z")
    parley("handover", r, "--event", "received", "--phase", "1", "--place", "Checkpoint Sumy", "--at", f"2026-05-23T{minute}:20Z")
print(len(people), "people in phase 1")
