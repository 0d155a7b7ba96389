#!/usr/bin/env python3
"""Writes the input-format fixtures of Tests/RGMapTests/Fixtures/formats (and the
HDF5 and gzip cases of Fixtures/bad) with the real writers users have: pandas for
TSV/CSV, h5py for plain HDF5 and 10x Genomics files, anndata for .h5ad. (The file R's
rhdf5 writes comes from scripts/make_rhdf5_fixture.R.)

Run: make fixtures   (creates .venv with h5py, anndata, pandas from PyPI)
 or: .venv/bin/python scripts/make_format_fixtures.py
Deterministic: every value is written out below; no random numbers.
"""
import gzip
import os
import sys
import zlib
from importlib import metadata

import anndata
import h5py
import numpy as np
import pandas as pd
import scipy.sparse as sp

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "RGMapTests", "Fixtures")
FORMATS = os.path.join(ROOT, "formats")
BAD = os.path.join(ROOT, "bad")

GENES = ["TP53", "EGFR", "KRAS", "MYC", "CDK4", "PTEN"]
SAMPLES = [f"TCGA-AA-000{i}-01A-11R-A00{i}-07" for i in range(1, 6)]
# genes x samples, log2 expression with one missing value (EGFR in sample 3).
EXPRESSION = np.array([
    [5.25, 6.5, 7.125, 4.0, 5.5],
    [8.0, 9.75, np.nan, 7.5, 8.25],
    [3.5, 3.0, 2.75, 4.25, 3.125],
    [10.0, 11.5, 9.25, 10.75, 12.0],
    [0.0, 1.5, 2.0, 0.5, 1.0],
    [6.0, 6.25, 5.75, 6.5, 6.125],
])
# genes x samples raw counts, mostly zeros, for the sparse layouts.
COUNTS = np.array([
    [0, 3, 0, 1, 0],
    [12, 0, 0, 7, 2],
    [0, 0, 5, 0, 0],
    [40, 38, 0, 51, 44],
    [0, 1, 0, 0, 9],
    [2, 0, 0, 0, 0],
], dtype=np.float32)


def write_text_tables():
    frame = pd.DataFrame(EXPRESSION, index=pd.Index(GENES, name="gene"), columns=SAMPLES)
    frame.to_csv(os.path.join(FORMATS, "omics.tsv"), sep="\t", na_rep="NA")
    with gzip.GzipFile(os.path.join(FORMATS, "omics.tsv.gz"), "wb", mtime=0) as out:
        out.write(frame.to_csv(sep="\t", na_rep="NA").encode())
    # Samples as rows, CSV with a UTF-8 BOM, CRLF line ends, every field quoted, empty for NA.
    transposed = frame.T
    transposed.index.name = "sample"
    text = transposed.to_csv(na_rep="", quoting=1, lineterminator="\r\n")
    with open(os.path.join(FORMATS, "omics_samples_in_rows.csv"), "wb") as out:
        out.write(b"\xef\xbb\xbf" + text.encode())
    # GCT 1.2 (Broad): two preamble lines, Name and Description columns.
    with open(os.path.join(FORMATS, "omics.gct"), "w", newline="\n") as out:
        out.write("#1.2\n%d\t%d\n" % EXPRESSION.shape)
        out.write("Name\tDescription\t" + "\t".join(SAMPLES) + "\n")
        for gene, row in zip(GENES, EXPRESSION):
            cells = ["" if np.isnan(v) else repr(float(v)) for v in row]
            out.write(f"{gene}\t{gene} description\t" + "\t".join(cells) + "\n")
    # A truncated gzip stream for the bad-input cases.
    data = gzip.compress(frame.to_csv(sep="\t", na_rep="NA").encode() * 50, mtime=0)
    with open(os.path.join(BAD, "truncated.tsv.gz"), "wb") as out:
        out.write(data[: len(data) // 2])


def string_dataset(group, name, values, fixed=False):
    if fixed:
        width = max(len(v) for v in values)
        group.create_dataset(name, data=np.array([v.encode() for v in values], dtype=f"S{width}"))
    else:
        group.create_dataset(name, data=np.array(values, dtype=object), dtype=h5py.string_dtype())


def write_plain_hdf5():
    with h5py.File(os.path.join(FORMATS, "omics_plain.h5"), "w") as f:
        f.create_dataset("matrix", data=EXPRESSION)
        string_dataset(f, "row_names", GENES)
        string_dataset(f, "col_names", SAMPLES)
    with h5py.File(os.path.join(BAD, "no_matrix.h5"), "w") as f:
        f.create_dataset("expr", data=EXPRESSION)
        string_dataset(f, "row_names", GENES)
        string_dataset(f, "col_names", SAMPLES)
    with h5py.File(os.path.join(BAD, "text_matrix.h5"), "w") as f:
        string_dataset(f, "matrix", ["a", "b"])


def write_anndata():
    obs = pd.DataFrame(index=pd.Index(SAMPLES))
    var = pd.DataFrame(index=pd.Index(GENES))
    dense = anndata.AnnData(X=EXPRESSION.T.copy(), obs=obs, var=var)
    dense.write_h5ad(os.path.join(FORMATS, "omics_dense.h5ad"))
    csr = anndata.AnnData(X=sp.csr_matrix(COUNTS.T), obs=obs, var=var)
    csr.layers["log1p"] = np.log1p(COUNTS.T)
    csr.write_h5ad(os.path.join(FORMATS, "counts_csr.h5ad"))
    csc = anndata.AnnData(X=sp.csc_matrix(COUNTS.T), obs=obs, var=var)
    csc.write_h5ad(os.path.join(FORMATS, "counts_csc.h5ad"))


def write_tenx():
    # Cell Ranger 3+ layout: CSC features x barcodes, plus one antibody feature and a
    # repeated gene name (as real 10x references have).
    names = GENES[:-1] + ["TP53", "CD3_TotalSeqB"]
    ids = [f"ENSG0000000000{i}" for i in range(len(GENES))] + ["CD3"]
    types = ["Gene Expression"] * len(GENES) + ["Antibody Capture"]
    counts = np.vstack([COUNTS, np.array([[5, 0, 2, 0, 1]], dtype=np.float32)]).astype(np.int32)
    matrix = sp.csc_matrix(counts)
    with h5py.File(os.path.join(FORMATS, "tenx_v3.h5"), "w") as f:
        group = f.create_group("matrix")
        group.create_dataset("data", data=matrix.data.astype(np.int32))
        group.create_dataset("indices", data=matrix.indices.astype(np.int64))
        group.create_dataset("indptr", data=matrix.indptr.astype(np.int64))
        group.create_dataset("shape", data=np.array(counts.shape, dtype=np.int32))
        barcodes = [s[:12] + "-1" for s in SAMPLES]
        string_dataset(group, "barcodes", barcodes, fixed=True)
        features = group.create_group("features")
        string_dataset(features, "id", ids, fixed=True)
        string_dataset(features, "name", names, fixed=True)
        string_dataset(features, "feature_type", types, fixed=True)
        string_dataset(features, "genome", ["GRCh38"] * len(names), fixed=True)


def write_bad_files():
    """The HDF5 and gzip cases of Fixtures/bad (see its cases.tsv for the error each gives)."""
    with h5py.File(os.path.join(BAD, "string_matrix.h5"), "w") as f:
        f.create_dataset("matrix", data=np.array([[b"1.5", b"2"], [b"3", b"4"]], dtype="S3"))
        string_dataset(f, "row_names", ["A", "B"])
        string_dataset(f, "col_names", ["S1", "S2"])
    with h5py.File(os.path.join(BAD, "float_labels.h5"), "w") as f:
        f.create_dataset("matrix", data=EXPRESSION)
        f.create_dataset("row_names", data=np.arange(len(GENES), dtype=np.float64))
        string_dataset(f, "col_names", SAMPLES)
    with h5py.File(os.path.join(BAD, "label_count.h5"), "w") as f:
        f.create_dataset("matrix", data=EXPRESSION)
        string_dataset(f, "row_names", GENES[:-1])
        string_dataset(f, "col_names", SAMPLES)
    with h5py.File(os.path.join(BAD, "latin1_labels.h5"), "w") as f:
        f.create_dataset("matrix", data=EXPRESSION)
        f.create_dataset("row_names", data=np.array([g.encode() for g in GENES[:-1]] + [b"\xb5RNA"], dtype="S5"))
        string_dataset(f, "col_names", SAMPLES)
    # A matrix declaring 2^33 x 2^33 values: chunked storage with no chunk written, so the file is tiny.
    with h5py.File(os.path.join(BAD, "huge_extent.h5"), "w") as f:
        f.create_dataset("matrix", shape=(2**33, 2**33), dtype="f8", chunks=(1, 1024))
        string_dataset(f, "row_names", ["A"])
        string_dataset(f, "col_names", ["S1"])
    # A label list declaring 2^60 names (chunked, nothing stored) next to a small matrix.
    with h5py.File(os.path.join(BAD, "huge_label_list.h5"), "w") as f:
        f.create_dataset("matrix", data=EXPRESSION)
        f.create_dataset("row_names", shape=(2**60,), dtype=h5py.string_dtype(), chunks=(1024,))
        string_dataset(f, "col_names", SAMPLES)
    # AnnData before 0.7: obs and var as compound datasets.
    with h5py.File(os.path.join(BAD, "old_anndata.h5ad"), "w") as f:
        f.create_dataset("X", data=EXPRESSION.T)
        f.create_dataset("obs", data=np.array([(s.encode(),) for s in SAMPLES], dtype=[("index", "S40")]))
        f.create_dataset("var", data=np.array([(g.encode(),) for g in GENES], dtype=[("index", "S8")]))
    # A CSR matrix whose column indices point past the last gene.
    csr = anndata.AnnData(X=sp.csr_matrix(COUNTS.T), obs=pd.DataFrame(index=pd.Index(SAMPLES)),
                          var=pd.DataFrame(index=pd.Index(GENES)))
    path = os.path.join(BAD, "sparse_index_out_of_range.h5ad")
    csr.write_h5ad(path)
    with h5py.File(path, "r+") as f:
        indices = f["X/indices"][...]
        indices[2] = len(GENES) + 1
        f["X/indices"][...] = indices
    # The same file cut in the middle, as an interrupted copy leaves it.
    with open(path, "rb") as source:
        whole = source.read()
    with open(os.path.join(BAD, "truncated.h5ad"), "wb") as out:
        out.write(whole[: len(whole) // 2])
    # gzip bomb: a header, then 160 MiB of "0\t" on one line, about 160 KiB compressed.
    header = "gene\tS1\tS2\tS3\nG\t"
    body = b"0\t" * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(os.path.join(BAD, "gzip_bomb.tsv.gz"), "wb") as out:
        out.write(compressor.compress(header.encode()))
        for _ in range(80):
            out.write(compressor.compress(body))
        out.write(compressor.flush())
    # A gzip stream with a damaged byte in its compressed data.
    data = bytearray(gzip.compress(open(os.path.join(FORMATS, "omics.tsv"), "rb").read() * 20, mtime=0))
    data[len(data) // 2] ^= 0xFF
    with open(os.path.join(BAD, "corrupt.tsv.gz"), "wb") as out:
        out.write(bytes(data))


def main():
    os.makedirs(FORMATS, exist_ok=True)
    os.makedirs(BAD, exist_ok=True)
    write_text_tables()
    write_plain_hdf5()
    write_anndata()
    write_tenx()
    write_bad_files()
    versions = {name: metadata.version(name) for name in ["anndata", "h5py", "pandas", "numpy", "scipy"]}
    print(", ".join(f"{name} {version}" for name, version in versions.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
