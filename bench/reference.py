#!/usr/bin/python3
"""NumPy (and PyTorch, when installed) reference runs of mlpkit's benchmark cases.

    /usr/bin/python3 bench/reference.py c1|c2|c3 [--threads N] [--epochs K] [--data-dir DIR] [--torch]

The same network, data, batch size, loss, update and epoch definition as `./mlp bench`, in float64,
written the way the articles write it (NumPy matrix products on OpenBLAS as Debian configures it; the
machine's OPENBLAS_* settings are left alone). Prints each epoch's time, then the line

    median_s_per_epoch=<x> samples_per_s=<y> gflops=<z> peak_rss_mib=<m>

with the median over the epochs after the first. A benchmark tool, not part of the test suite.
Needs Debian's python3-numpy and python3-sklearn (`apt-get install python3-numpy python3-sklearn`).
"""
import argparse
import gzip
import os
import resource
import statistics
import sys
import time

CASES = {
    "c1": dict(widths=[784, 128, 128, 128, 10], epochs=5),
    "c2": dict(widths=[64, 15, 10], epochs=3000),
    "c3": dict(widths=[20, 8, 3, 1], epochs=30000),   # as mlp bench c3, whose JIT needs a few seconds
}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("case", choices=sorted(CASES))
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--epochs", type=int)
    p.add_argument("--data-dir", help="c1: directory with the four Fashion-MNIST IDX files")
    p.add_argument("--torch", action="store_true", help="run the case in PyTorch (float32, as PyTorch users do)")
    p.add_argument("--default-malloc", action="store_true",
                   help="keep glibc's default malloc settings (see FAST_MALLOC: NumPy is then up to 20x slower here)")
    return p.parse_args()


# NumPy allocates a new array for every temporary. With glibc's defaults, arrays above the mmap
# threshold (128 KiB at first) come from fresh mmaps and freed memory is trimmed back to the kernel, so
# every step page-faults its temporaries in again; on this VM that made C3 ~20x slower (16 ms instead
# of 0.8 ms per iteration). The reference runs NumPy at its best: glibc keeps freed memory for reuse.
FAST_MALLOC = {"MALLOC_MMAP_THRESHOLD_": "1073741824", "MALLOC_TRIM_THRESHOLD_": "2147483647", "MALLOC_TOP_PAD_": "268435456"}

args = parse_args()
if not args.default_malloc and any(os.environ.get(k) != v for k, v in FAST_MALLOC.items()):
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, **FAST_MALLOC})  # glibc reads them at start
# Thread counts must be fixed before NumPy / PyTorch load OpenBLAS / MKL.
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)
import numpy as np  # noqa: E402


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find_idx(stem, data_dir):
    dirs = [data_dir] if data_dir else [os.environ.get("MLP_DATA_DIR", ""), os.path.expanduser("~/.cache/mlpkit/datasets/fashion-mnist"),
                                        "/usr/share/datasets/fashion-mnist"]
    for d in dirs:
        for name in (stem + ".gz", stem):
            if d and os.path.isfile(os.path.join(d, name)):
                return os.path.join(d, name)
    sys.exit(f"reference.py: no {stem}(.gz) in {dirs}: install Fashion-MNIST (scripts/install-datasets.sh) or pass --data-dir")


def load_case(case, rng):
    """(x_train, y_train one-hot or 0/1 column, x_validation, y_validation labels or None, batch, lr, loss, reduction)."""
    if case == "c1":
        images = read_idx(find_idx("train-images-idx3-ubyte", args.data_dir)).reshape(-1, 784)
        labels = read_idx(find_idx("train-labels-idx1-ubyte", args.data_dir))
        x = images.astype(np.float64) / 127.5 - 1.0          # pixels to [-1, 1]
        order = rng.permutation(len(x))
        n_val = len(x) // 10
        val, train = order[:n_val], order[n_val:]
        y = np.eye(10)[labels]
        return x[train], y[train], x[val], labels[val], 64, 0.2, "half-sse", "mean"
    if case == "c2":
        from sklearn.datasets import load_digits
        d = load_digits()
        return d.data.astype(np.float64), np.eye(10)[d.target], None, None, 15, 1e-3, "half-sse", "sum"
    from sklearn.datasets import make_classification
    x, y = make_classification(n_samples=5000, n_features=20, n_informative=15, n_redundant=3, n_repeated=0,
                               n_classes=2, flip_y=0.05, class_sep=1.0, shuffle=True, random_state=42)
    return x[:4000], y[:4000, None].astype(np.float64), None, None, 4000, 1.0, "bce", "mean"


def init(widths, case, rng):
    params = []
    for n_in, n_out in zip(widths[:-1], widths[1:]):
        if case == "c1":
            w = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)      # He normal
            b = np.zeros(n_out)
        elif case == "c2":
            w = rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)            # N(0,1)/sqrt(fan_in)
            b = np.zeros(n_out)
        else:
            w = rng.standard_normal((n_in, n_out)) * 0.1
            b = rng.standard_normal(n_out) * 0.1
        params.append([w, b])
    return params


def sigmoid(z):
    # The articles' form; e^-z overflows to inf for z < -709, which gives the right limit 0.
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def hidden(case):
    return "sigmoid" if case == "c3" else "relu"


def train_step(params, x, y, case, lr, loss, reduction):
    acts, zs = [x], []
    a = x
    for i, (w, b) in enumerate(params):
        z = a @ w + b
        zs.append(z)
        last = i == len(params) - 1
        a = sigmoid(z) if last or hidden(case) == "sigmoid" else np.maximum(z, 0.0)
        acts.append(a)
    scale = 1.0 / len(x) if reduction == "mean" else 1.0
    if loss == "bce":
        delta = (a - y) * scale                                       # BCE with a sigmoid output: ∂L/∂z = a − y
    else:
        delta = (a - y) * a * (1.0 - a) * scale                       # ½Σ(a − y)² through σ'(z) = a(1 − a)
    for i in range(len(params) - 1, -1, -1):
        w, b = params[i]
        gw = acts[i].T @ delta
        gb = delta.sum(axis=0)
        if i > 0:
            da = delta @ w.T
            delta = da * (acts[i] * (1.0 - acts[i])) if hidden(case) == "sigmoid" else da * (zs[i - 1] > 0)
        w -= lr * gw
        b -= lr * gb


def predict(params, x, case):
    a = x
    for i, (w, b) in enumerate(params):
        z = a @ w + b
        a = sigmoid(z) if i == len(params) - 1 or hidden(case) == "sigmoid" else np.maximum(z, 0.0)
    return a


def flops(widths, train_rows, val_rows):
    pairs = list(zip(widths[:-1], widths[1:]))
    train = sum(2.0 * n * m * (2 if i == 0 else 3) for i, (n, m) in enumerate(pairs))
    return train_rows * train + val_rows * sum(2.0 * n * m for n, m in pairs)


def run_numpy(case, epochs):
    rng = np.random.default_rng(0)
    x, y, xv, yv, batch, lr, loss, reduction = load_case(case, rng)
    params = init(CASES[case]["widths"], case, rng)
    times = []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(len(x)) if batch < len(x) else np.arange(len(x))
        for s in range(0, len(x), batch):
            idx = order[s:s + batch]
            train_step(params, x[idx], y[idx], case, lr, loss, reduction)
        shown = ""
        if xv is not None:
            shown = f"  validation_accuracy {np.mean(predict(params, xv, case).argmax(axis=1) == yv):.4f}"
        times.append(time.perf_counter() - start)
        print(f"epoch {epoch}/{epochs}  {times[-1]:.6f} s{shown}", flush=True)
    return times, len(x), 0 if xv is None else len(xv)


def run_torch(case, epochs):
    import torch
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(0)
    x, y, xv, yv, batch, lr, loss, reduction = load_case(case, rng)
    widths = CASES[case]["widths"]
    layers = []
    for i, (n, m) in enumerate(zip(widths[:-1], widths[1:])):
        layers.append(torch.nn.Linear(n, m))
        layers.append(torch.nn.Sigmoid() if i == len(widths) - 2 or hidden(case) == "sigmoid" else torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    xt, yt = torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)
    times = []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(len(xt)) if batch < len(xt) else torch.arange(len(xt))
        for s in range(0, len(xt), batch):
            idx = order[s:s + batch]
            out = model(xt[idx])
            if loss == "bce":
                value = torch.nn.functional.binary_cross_entropy(out, yt[idx])
            else:
                value = 0.5 * ((out - yt[idx]) ** 2).sum() / (len(idx) if reduction == "mean" else 1)
            opt.zero_grad()
            value.backward()
            opt.step()
        if xv is not None:
            with torch.no_grad():
                model(torch.tensor(xv, dtype=torch.float32))
        times.append(time.perf_counter() - start)
        print(f"epoch {epoch}/{epochs}  {times[-1]:.6f} s", flush=True)
    return times, len(x), 0 if xv is None else len(xv)


def blas_kernel():
    """Which BLAS and which of its kernels NumPy runs on (python3-threadpoolctl), e.g. "openblas 0.3.21 SkylakeX"."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "blas unknown (install python3-threadpoolctl)"
    blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    if not blas:
        return "blas unknown"
    settings = " ".join(f"{k}={os.environ[k]}" for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ)
    return f"blas={blas[0]['internal_api']} {blas[0].get('version')} {blas[0].get('architecture')}" + (f" ({settings})" if settings else "")


def torch_engine():
    import torch
    capability = getattr(getattr(torch.backends, "cpu", None), "get_cpu_capability", lambda: None)()
    forced = os.environ.get("ATEN_CPU_CAPABILITY")
    return f"torch {torch.__version__} float32, cpu capability {capability or forced or 'default'}"


def main():
    case = args.case
    epochs = args.epochs or CASES[case]["epochs"]
    if epochs < 2:
        sys.exit("reference.py: --epochs must be at least 2 (the first epoch is left out of the median)")
    engine = torch_engine() if args.torch else f"numpy {np.__version__} float64, {blas_kernel()}"
    engine += ", glibc default malloc" if args.default_malloc else ", malloc keeps freed memory (FAST_MALLOC)"
    print(f"{case}: {engine}, {args.threads} thread(s), {epochs} epochs")
    times, train_rows, val_rows = (run_torch if args.torch else run_numpy)(case, epochs)
    median = statistics.median(times[1:])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"engine: {engine}")
    print(f"median_s_per_epoch={median:.6f} samples_per_s={train_rows / median:.1f} "
          f"gflops={flops(CASES[case]['widths'], train_rows, val_rows) / median / 1e9:.2f} peak_rss_mib={peak:.1f}")


if __name__ == "__main__":
    main()
