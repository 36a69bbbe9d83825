"""load_iris, load_digits, load_breast_cancer and load_wine: the tables scikit-learn ships (kept compressed in
_data_*.py, made by scripts/make-sklearn-data.py), parsed into float64 data and int targets as scikit-learn
parses them. With as_frame=True, pandas frames as scikit-learn builds them (features and a 'target' column)."""

import base64
import importlib
import zlib

import numpy as np

from ..utils._bunch import Bunch
from ..utils._strings import StrArray


def _unpack(name):
    return zlib.decompress(base64.b64decode(importlib.import_module(f'sklearn.datasets._data_{name}').DATA))


def _rows(name):
    lines = _unpack(name).decode('ascii').strip().split('\n')
    return lines[0].split(','), lines[1:]


def _labelled_table(name):
    """(data, target, target_names) of a CSV whose last column is the class index."""
    header, lines = _rows(name)
    values = [[float(v) for v in line.split(',')] for line in lines]
    data = np.array([row[:-1] for row in values], dtype=np.float64)
    target = np.array([int(row[-1]) for row in values], dtype=int)
    return data, target, StrArray(header[2:])


def _frames(data, target, feature_names):
    """scikit-learn's _convert_data_dataframe: the combined frame (features, then 'target'), the feature
    frame and the target Series, all cut from the combined frame."""
    import pandas as pd

    combined = pd.concat(
        [pd.DataFrame(data, columns=list(feature_names)), pd.DataFrame(target, columns=['target'])], axis=1
    )
    return combined, combined[list(feature_names)], combined['target']


def _classification_bunch(data, target, target_names, feature_names, descr, return_X_y, as_frame, **files):
    """What load_iris, load_breast_cancer and load_wine return: (data, target), as frames with as_frame, or the
    Bunch with the dataset's description and, where scikit-learn's has them, its file fields."""
    frame = None
    if as_frame:
        frame, data, target = _frames(data, target, feature_names)
    if return_X_y:
        return data, target
    return Bunch(
        data=data,
        target=target,
        frame=frame,
        target_names=target_names,
        DESCR=descr,
        feature_names=feature_names,
        **files,
    )


_IRIS_DESCR = """.. _iris_dataset:

Iris plants dataset
--------------------

Backprop Lens' copy of the Iris table that scikit-learn ships: 150 samples, 50 of each of 3 classes
(setosa, versicolor, virginica), 4 numeric features in cm (sepal length, sepal width, petal length, petal
width). Source: R. A. Fisher (1936), UCI Machine Learning Repository.
"""

_DIGITS_DESCR = """.. _digits_dataset:

Optical recognition of handwritten digits dataset
--------------------------------------------------

Backprop Lens' copy of the digits table that scikit-learn ships: 1797 images of 8x8 pixels with values 0..16,
10 classes (the digits 0 to 9). Source: E. Alpaydin, C. Kaynak (1998), UCI Machine Learning Repository.
"""

_BREAST_CANCER_DESCR = """.. _breast_cancer_dataset:

Breast cancer wisconsin (diagnostic) dataset
--------------------------------------------

Backprop Lens' copy of the table that scikit-learn ships: 569 samples (212 malignant, 357 benign), 30 numeric
features computed from images of fine needle aspirates. Source: W. H. Wolberg, W. N. Street, O. L.
Mangasarian (1995), UCI Machine Learning Repository.
"""


def load_iris(*, return_X_y=False, as_frame=False):
    data, target, target_names = _labelled_table('iris')
    feature_names = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']
    return _classification_bunch(
        data, target, target_names, feature_names, _IRIS_DESCR, return_X_y, as_frame,
        filename='iris.csv', data_module='sklearn.datasets.data',
    )  # fmt: skip


def load_breast_cancer(*, return_X_y=False, as_frame=False):
    data, target, target_names = _labelled_table('breast_cancer')
    kinds = ['mean {}', '{} error', 'worst {}']
    measures = [
        'radius',
        'texture',
        'perimeter',
        'area',
        'smoothness',
        'compactness',
        'concavity',
        'concave points',
        'symmetry',
        'fractal dimension',
    ]
    feature_names = StrArray([kind.format(m) for kind in kinds for m in measures])
    return _classification_bunch(
        data, target, target_names, feature_names, _BREAST_CANCER_DESCR, return_X_y, as_frame,
        filename='breast_cancer.csv', data_module='sklearn.datasets.data',
    )  # fmt: skip


_WINE_DESCR = """.. _wine_dataset:

Wine recognition dataset
------------------------

Backprop Lens' copy of the table that scikit-learn ships: 178 wines grown in one region of Italy by 3 cultivars
(59, 71 and 48 samples), 13 numeric measurements from their chemical analysis. Source: S. Aeberhard, M. Forina
(1991), UCI Machine Learning Repository.
"""

_WINE_FEATURES = [
    'alcohol',
    'malic_acid',
    'ash',
    'alcalinity_of_ash',
    'magnesium',
    'total_phenols',
    'flavanoids',
    'nonflavanoid_phenols',
    'proanthocyanins',
    'color_intensity',
    'hue',
    'od280/od315_of_diluted_wines',
    'proline',
]


def load_wine(*, return_X_y=False, as_frame=False):
    data, target, target_names = _labelled_table('wine')
    # scikit-learn's wine Bunch has neither filename nor data_module.
    return _classification_bunch(data, target, target_names, list(_WINE_FEATURES), _WINE_DESCR, return_X_y, as_frame)


def load_digits(*, n_class=10, return_X_y=False, as_frame=False):
    raw = _unpack('digits')
    rows = [raw[i : i + 65] for i in range(0, len(raw), 65)]
    if n_class < 10:
        rows = [row for row in rows if row[64] < n_class]
    # Floats already: our numpy then makes the array without a second conversion pass.
    flat_data = np.array(list(map(float, b''.join(row[:64] for row in rows))), dtype=np.float64).reshape(len(rows), 64)
    target = np.array([row[64] for row in rows], dtype=int)
    feature_names = [f'pixel_{r}_{c}' for r in range(8) for c in range(8)]
    images = flat_data.reshape(-1, 8, 8)
    data, frame = flat_data, None
    if as_frame:
        frame, data, target = _frames(flat_data, target, feature_names)
    if return_X_y:
        return data, target
    return Bunch(
        data=data,
        target=target,
        frame=frame,
        feature_names=feature_names,
        target_names=np.arange(10),
        images=images,
        DESCR=_DIGITS_DESCR,
    )
