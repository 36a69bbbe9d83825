"""load_diabetes: the table scikit-learn ships (kept compressed in _data_diabetes.py), scaled as scikit-learn
scales it (preprocessing.scale, then divided by sqrt(n_samples)), so that each value is the very float64 that
scikit-learn gives (Do it! deep learning's chapter 3 fits a neuron to its third column)."""

import numpy as np

from ..utils._bunch import Bunch
from ._load import _frames, _unpack

_DESCR = """.. _diabetes_dataset:

Diabetes dataset
----------------

Backprop Lens' copy of the table that scikit-learn ships: 442 patients, 10 baseline variables (age, sex, body
mass index, average blood pressure, six blood serum measurements) and a quantitative measure of disease
progression one year after baseline. Source: B. Efron, T. Hastie, I. Johnstone, R. Tibshirani (2004), "Least
Angle Regression", Annals of Statistics.
"""

FEATURE_NAMES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']


def _scale(x):
    """sklearn.preprocessing.scale of columns without NaN or constant ones: the mean and standard deviation of
    the data as given; the data less its mean, less the mean of that too when it is not close to 0; divided by
    the standard deviation, then the same correction once more."""
    mean, std = np.mean(x, axis=0), np.std(x, axis=0)
    x = x - mean
    mean_1 = np.mean(x, axis=0)
    if not np.allclose(mean_1, 0):
        x -= mean_1
    x /= std
    mean_2 = np.mean(x, axis=0)
    if not np.allclose(mean_2, 0):
        x -= mean_2
    return x


def load_diabetes(*, return_X_y=False, as_frame=False, scaled=True):
    rows = [[float(v) for v in line.split(' ')] for line in _unpack('diabetes').decode('ascii').strip().split('\n')]
    data = np.array([row[:10] for row in rows], dtype=np.float64)
    target = np.array([row[10] for row in rows], dtype=np.float64)
    if scaled:
        data = _scale(data)
        data /= data.shape[0] ** 0.5
    frame = None
    if as_frame:
        frame, data, target = _frames(data, target, FEATURE_NAMES)
    if return_X_y:
        return data, target
    return Bunch(
        data=data,
        target=target,
        frame=frame,
        DESCR=_DESCR,
        feature_names=FEATURE_NAMES,
        data_filename='diabetes_data_raw.csv.gz',
        target_filename='diabetes_target.csv.gz',
        data_module='sklearn.datasets.data',
    )
