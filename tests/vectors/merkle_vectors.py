#!/usr/bin/env python3
"""Independent RFC 9162 Merkle tree vectors for parley's ledger tests.

Uses only hashlib and the RFC's recursive definitions (MTH, PATH, PROOF/SUBPROOF), written
from the RFC text, not from parley's C++. Leaf i's data is the ASCII bytes "leaf-<i>".
Prints JSON: the root of every tree of 1..1000 leaves, and inclusion and consistency proofs
for a deterministic sample of (index or old size, tree size). Output is committed as
merkle_vectors.json; merkle_tree_test.cpp compares against it.
"""
import hashlib
import json
import sys

MAX_LEAVES = 1000


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves):
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = split(n)
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def path(m, leaves):
    n = len(leaves)
    if n <= 1:
        return []
    k = split(n)
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m, leaves, whole):
    n = len(leaves)
    if m == n:
        return [] if whole else [mth(leaves)]
    k = split(n)
    if m <= k:
        return subproof(m, leaves[:k], whole) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def main():
    leaves = [leaf_hash(b"leaf-%d" % i) for i in range(MAX_LEAVES)]
    # Roots incrementally: a root per size computed recursively over 1000 sizes is cheap
    # enough (about 1M node hashes).
    roots = [mth(leaves[:n]).hex() for n in range(1, MAX_LEAVES + 1)]
    inclusion = []
    consistency = []
    # A deterministic spread: small trees exhaustively-ish, large ones sampled.
    for n in range(1, MAX_LEAVES + 1):
        if n <= 20 or n % 37 == 0 or n in (255, 256, 257, 511, 512, 513, 1000):
            for m in sorted({0, n - 1, n // 2, (n * 7) // 11}):
                if m < n:
                    inclusion.append({"index": m, "size": n,
                                      "proof": [h.hex() for h in path(m, leaves[:n])]})
            for m in sorted({1, n // 3, n - 1, (n * 5) // 8}):
                if 0 < m < n:
                    consistency.append({"old_size": m, "size": n,
                                        "proof": [h.hex() for h in subproof(m, leaves[:n], True)]})
    json.dump({"leaf_data": "leaf-<i>", "roots": roots, "inclusion": inclusion,
               "consistency": consistency}, sys.stdout, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
