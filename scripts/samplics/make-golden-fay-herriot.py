#!/usr/bin/env python3
"""Golden values for Fornye's Fay-Herriot model (FornyeStatistics/SmallArea) from samplics.

R's `survey` has no area-level small-area model, so the reference is Python's `samplics`
(`EblupAreaModel`, REML and ML). The script builds two SYNTHETIC area data sets with a fixed
seed, fits them with samplics at a tight tolerance and writes inputs and results as JSON to
Tests/FornyeStatisticsTests/Golden/smallarea/. Run by hand from the repository root:

    python3 -m venv /tmp/sae && /tmp/sae/bin/pip install samplics
    /tmp/sae/bin/python scripts/samplics/make-golden-fay-herriot.py

Under REML samplics' MSE is Prasad-Rao's g1 + g2 + 2 g3; under ML it subtracts the
Datta-Lahiri bias term. Fornye's test compares at 1e-7 relative.

samplics 0.6.1's ML Fisher scoring stops short of the ML maximum (on the continuous set it
reports 0.04796 where the likelihood peaks at 0.05097; its REML agrees with a direct
maximisation). For ML the script therefore takes sigma2_v from a direct maximisation of the ML
log-likelihood (scipy, bounded Brent), hands it with its GLS beta to samplics and lets samplics'
own predict() compute the EBLUPs and Datta-Lahiri MSEs; samplics' own ML value is kept in the
file as `samplics_model_variance` for the record.
"""

import json
import os
from importlib.metadata import version

import numpy as np
from scipy.optimize import minimize_scalar
from samplics.sae import EblupAreaModel
from samplics.utils.types import FitMethod

SEED = 20261207
OUT = os.path.join("Tests", "FornyeStatisticsTests", "Golden", "smallarea")


def dataset(rng, areas, kind):
    """Direct estimates with known sampling variances: 'continuous' has two covariates and
    moderate variances; 'shares' mimics municipality shares with 5-80 respondents each."""
    if kind == "continuous":
        x = np.column_stack([rng.normal(10, 2, areas), rng.uniform(0, 1, areas)])
        theta = 2.0 + 0.5 * x[:, 0] - 1.5 * x[:, 1] + rng.normal(0, 0.8, areas)
        psi = rng.uniform(0.2, 2.0, areas)
    else:
        n = rng.integers(5, 81, areas)
        centrality = rng.integers(1, 7, areas).astype(float)
        log_pop = rng.normal(9, 1.2, areas)
        x = np.column_stack([centrality, log_pop])
        theta = np.clip(0.9 - 0.04 * centrality + 0.01 * log_pop + rng.normal(0, 0.12, areas), 0.02, 0.98)
        y = rng.binomial(n, theta) / n
        psi = 0.6 * 0.4 * 1.3 / n
        return x, y, psi
    y = theta + rng.normal(0, np.sqrt(psi))
    return x, y, psi


def ml_maximum(X, y, psi):
    def negative_loglik(s2):
        v = s2 + psi
        w = 1 / v
        beta = np.linalg.solve(X.T @ (X * w[:, None]), X.T @ (w * y))
        r = y - X @ beta
        return 0.5 * np.sum(np.log(v)) + 0.5 * np.sum(r * r / v)

    s2 = minimize_scalar(negative_loglik, bounds=(0, 10 * psi.max()), method="bounded", options={"xatol": 1e-14}).x
    w = 1 / (s2 + psi)
    beta = np.linalg.solve(X.T @ (X * w[:, None]), X.T @ (w * y))
    return s2, beta, 2 / np.sum(w * w)


def fit(x, y, psi, method):
    area = np.arange(len(y))
    model = EblupAreaModel(method=method)
    model.fit(yhat=y, X=x, area=area, error_std=np.sqrt(psi), intercept=True, tol=1e-13, maxiter=500)
    samplics_variance = float(np.ravel(model.re_std)[0] ** 2)
    if method == FitMethod.ml:
        s2, beta, covariance = ml_maximum(np.insert(x, 0, 1, axis=1), y, psi)
        model.re_std = np.sqrt(s2)
        model.fixed_effects = beta
        model.re_std_cov = covariance
    model.predict(X=x, area=area, intercept=True)
    return {
        "samplics_model_variance": samplics_variance,
        "method": "REML" if method == FitMethod.reml else "ML",
        "model_variance": float(np.ravel(model.re_std)[0] ** 2),
        "beta": [float(b) for b in model.fixed_effects],
        "estimates": [float(np.ravel(model.area_est[a])[0]) for a in area],
        "mse": [float(np.ravel(model.area_mse[a])[0]) for a in area],
        "converged": bool(model.convergence["achieved"]),
    }


def main():
    rng = np.random.default_rng(SEED)
    os.makedirs(OUT, exist_ok=True)
    for kind, areas in (("continuous", 40), ("shares", 60)):
        x, y, psi = dataset(rng, areas, kind)
        document = {
            "synthetic": True,
            "generator": {
                "script": "scripts/samplics/make-golden-fay-herriot.py",
                "samplics_version": version("samplics"),
                "numpy_version": np.__version__,
                "seed": SEED,
            },
            "covariates": [[1.0] + [float(v) for v in row] for row in x],
            "estimates": [float(v) for v in y],
            "variances": [float(v) for v in psi],
            "fits": [fit(x, y, psi, FitMethod.reml), fit(x, y, psi, FitMethod.ml)],
        }
        with open(os.path.join(OUT, f"fay-herriot-{kind}.json"), "w") as handle:
            json.dump(document, handle, indent=1)
            handle.write("\n")


if __name__ == "__main__":
    main()
