#!/usr/bin/python3
"""scipy's L-BFGS-B on the problems LbfgsScipyTest solves, for comparing iteration counts.

Run with Debian's python3-scipy (1.10.1 when these fixtures were made):

    /usr/bin/python3 scripts/generate_lbfgs_fixtures.py

It writes core/src/test/resources/mlpkit/core/optim/lbfgs/scipy_lbfgsb.properties (path taken relative to
this file). Deterministic: fixed starts, no randomness. Options are scipy's defaults except maxiter=200 and
maxfun=15000, scikit-learn's MLP values and mlpkit's LbfgsOptions defaults (maxcor=10, ftol=2.22e-9, gtol=1e-5,
maxls=20 are scipy's own defaults).
"""
import os

import numpy as np
import scipy
from scipy.optimize import minimize


def rosenbrock(x):
    a = x[1:] - x[:-1] ** 2
    b = 1 - x[:-1]
    g = np.zeros_like(x)
    g[:-1] += -400 * x[:-1] * a - 2 * b
    g[1:] += 200 * a
    return float((100 * a * a + b * b).sum()), g


CASES = {
    "rosenbrock2": np.array([-1.2, 1.0]),
    "rosenbrock10": np.array([-1.2, 1.0] * 5),
}

lines = ["# scipy %s L-BFGS-B, maxiter=200, maxfun=15000, other options at scipy's defaults" % scipy.__version__,
         "# written by scripts/generate_lbfgs_fixtures.py"]
for name, start in CASES.items():
    r = minimize(rosenbrock, start, jac=True, method="L-BFGS-B", options=dict(maxiter=200, maxfun=15000))
    lines += ["%s.iterations=%d" % (name, r.nit),
              "%s.evaluations=%d" % (name, r.nfev),
              "%s.loss=%r" % (name, float(r.fun)),
              "%s.message=%s" % (name, r.message if isinstance(r.message, str) else r.message.decode()),
              "%s.maxError=%r" % (name, float(np.abs(r.x - 1).max()))]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test", "resources",
                   "mlpkit", "core", "optim", "lbfgs", "scipy_lbfgsb.properties")
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
