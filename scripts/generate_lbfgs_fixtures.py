#!/usr/bin/python3
"""scipy's L-BFGS-B on the problems LbfgsScipyTest solves, and MINPACK-2's dcsrch (the line search L-BFGS-B calls)
on the functions MoreThuenteLineSearchTest searches, for comparing them step by step.

Run with Debian's python3-scipy (1.10.1 when these fixtures were made):

    /usr/bin/python3 scripts/generate_lbfgs_fixtures.py

It writes core/src/test/resources/mlpkit/core/optim/lbfgs/scipy_lbfgsb.properties (path taken relative to
this file). Deterministic: fixed starts, no randomness. Options are scipy's defaults except maxiter=200 and
maxfun=15000, scikit-learn's MLP values and mlpkit's LbfgsOptions defaults (maxcor=10, ftol=2.22e-9, gtol=1e-5,
maxls=20 are scipy's own defaults). Per L-BFGS-B run: nit, nfev, the final loss and message, and the loss after
each iteration (recorded by the callback). Per line search (scipy.optimize._minpack2.dcsrch with L-BFGS-B's
ftol=1e-3, gtol=0.9, xtol=0.1, stpmin=0, stpmax=1e10, along d = +1 from x = 0): the steps at which it asks for
f and g (at most 20), and its final task.
"""
import os

import numpy as np
import scipy
from scipy.optimize import _minpack2, minimize


def rosenbrock(x):
    a = x[1:] - x[:-1] ** 2
    b = 1 - x[:-1]
    g = np.zeros_like(x)
    g[:-1] += -400 * x[:-1] * a - 2 * b
    g[1:] += 200 * a
    return float((100 * a * a + b * b).sum()), g


def phi1(a):
    """More and Thuente's first test function and its derivative."""
    q = a * a + 2
    return -a / q, (a * a - 2) / (q * q)


def phi2(a):
    """More and Thuente's second test function and its derivative."""
    t = a + 0.004
    t4 = (t * t) * (t * t)
    return t4 * t - 2 * t4, 5 * t4 - 8 * (t * t) * t  # products, not pow: the same roundings in Java


def liar(a):
    """f = x²/2 at x = 1 + a, but with the gradient's sign flipped: f rises along d = +1 while f' says it falls."""
    return 0.5 * (1 + a) ** 2, -(1 + a)


def dcsrch_steps(phi, stp):
    isave = np.zeros(2, np.intc)
    dsave = np.zeros(13)
    f, g = phi(0.0)
    task = b"START"
    steps = []
    while len(steps) < 20:
        stp, f, g, task = _minpack2.dcsrch(stp, f, g, 1e-3, 0.9, 0.1, task, 0.0, 1e10, isave, dsave)
        if not task.startswith(b"FG"):
            break
        steps.append(stp)
        f, g = phi(stp)
    return steps, task.decode().strip() if len(steps) < 20 or not task.startswith(b"FG") else "FG"


CASES = {
    "rosenbrock2": np.array([-1.2, 1.0]),
    "rosenbrock10": np.array([-1.2, 1.0] * 5),
}

lines = ["# scipy %s L-BFGS-B, maxiter=200, maxfun=15000, other options at scipy's defaults" % scipy.__version__,
         "# written by scripts/generate_lbfgs_fixtures.py"]
for name, start in CASES.items():
    losses = [rosenbrock(start)[0]]
    r = minimize(rosenbrock, start, jac=True, method="L-BFGS-B", options=dict(maxiter=200, maxfun=15000),
                 callback=lambda x: losses.append(rosenbrock(x)[0]))
    lines += ["%s.losses=%s" % (name, ",".join(repr(v) for v in losses)),"%s.iterations=%d" % (name, r.nit),
              "%s.evaluations=%d" % (name, r.nfev),
              "%s.loss=%r" % (name, float(r.fun)),
              "%s.message=%s" % (name, r.message if isinstance(r.message, str) else r.message.decode()),
              "%s.maxError=%r" % (name, float(np.abs(r.x - 1).max()))]

for fname, phi in (("phi1", phi1), ("phi2", phi2), ("liar", liar)):
    for first in (1e-3, 1e-1, 1.0, 10.0, 1e3):
        steps, task = dcsrch_steps(phi, first)
        key = "search.%s.%r" % (fname, first)
        lines += ["%s.steps=%s" % (key, ",".join(repr(v) for v in steps)), "%s.task=%s" % (key, task)]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test", "resources",
                   "mlpkit", "core", "optim", "lbfgs", "scipy_lbfgsb.properties")
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
