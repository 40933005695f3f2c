#!/usr/bin/env python3
"""Health latency of `parley serve` while N idle sockets are held (issue 16, item 1).

Each idle socket sends one header line and waits, 8 per source address (127.0.0.2, .3, ...,
under the per-address cap); 20 health requests then come from 127.0.0.1, one at a time,
each on a new connection. Prints median and worst latency, or how many timed out (5 s).

    bench/slow_clients.py build/release/bin/parley 0 16 64 256
"""
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def run(binary, counts):
    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "ws")
        subprocess.run([binary, "init", "--workspace", ws], check=True, capture_output=True)
        proc = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0", "--workspace", ws],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = int(re.search(r":(\d+)/api/v1", proc.stdout.readline()).group(1))
        try:
            for n in counts:
                held = []
                for i in range(n):
                    s = socket.create_connection(("127.0.0.1", port), timeout=5,
                                                 source_address=(f"127.0.{1 + i // 2000}.{2 + (i // 8) % 250}", 0))
                    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
                    held.append(s)
                time.sleep(0.5)
                times, failed = [], 0
                for _ in range(20):
                    start = time.monotonic()
                    try:
                        c = socket.create_connection(("127.0.0.1", port), timeout=5)
                        c.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        if not c.recv(100).startswith(b"HTTP/1.1 200"):
                            failed += 1
                        else:
                            times.append((time.monotonic() - start) * 1000)
                        c.close()
                    except OSError:
                        failed += 1
                for s in held:
                    s.close()
                time.sleep(0.5)
                if times:
                    print(f"{n:5d} idle: median {statistics.median(times):7.2f} ms, "
                          f"worst {max(times):7.2f} ms, {failed} of 20 timed out (5 s)")
                else:
                    print(f"{n:5d} idle: all 20 timed out (5 s)")
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    run(sys.argv[1], [int(a) for a in sys.argv[2:]] or [0, 16, 64, 256])
