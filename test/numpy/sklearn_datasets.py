# Backprop Lens' scikit-learn subset against scikit-learn 1.2.1: the toy generators draw the same numbers from
# numpy's RandomState (seeded, global and passed-in states), and the loaders give the very tables (load_diabetes
# scaled bit for bit as scikit-learn scales it: its hash).
import hashlib

import numpy as np
from sklearn.datasets import (
    load_breast_cancer,
    load_diabetes,
    load_digits,
    load_iris,
    make_blobs,
    make_circles,
    make_classification,
    make_moons,
    make_regression,
)

X, y = make_moons(10, noise=0.1, random_state=0)
print('moons', X.tolist(), y.tolist(), X.dtype, y.dtype)
X, y = make_moons((3, 5), shuffle=False)
print('moons unshuffled', X.tolist(), y.tolist())
np.random.seed(3)
X, y = make_moons(6, noise=0.3)
print('moons global state', X.tolist(), y.tolist(), np.random.rand())
rs = np.random.RandomState(8)
print('moons passed state', make_moons(4, noise=0.2, random_state=rs)[0].tolist(), rs.randint(100))
X, y = make_circles(10, noise=0.05, random_state=1, factor=0.5)
print('circles', X.tolist(), y.tolist())
X, y = make_blobs(12, centers=3, random_state=2)
print('blobs', X.tolist(), y.tolist())
X, y, c = make_blobs([3, 4], n_features=3, cluster_std=[0.5, 2.0], random_state=5, return_centers=True)
print('blobs per centre', X.tolist(), y.tolist(), c.tolist())
X, y = make_blobs(7, centers=[[0, 0], [5, 5]], cluster_std=0.3, random_state=0, shuffle=False)
print('blobs given centres', X.tolist(), y.tolist())
X, y = make_classification(20, n_features=5, random_state=3)
print('classification', X.tolist(), y.tolist())
X, y = make_classification(
    30, n_features=6, n_informative=3, n_redundant=1, n_repeated=1, n_classes=3, n_clusters_per_class=1, random_state=4
)
print('classification 3 classes', X.tolist(), y.tolist())
X, y = make_classification(
    40, n_features=4, n_informative=4, n_redundant=0, weights=[0.7], flip_y=0.1, shift=None, scale=None, random_state=6
)
print('classification weights', X.tolist(), y.tolist())
X, y = make_classification(200, n_features=12, n_informative=10, n_clusters_per_class=1, random_state=7)
print('classification sparse cube', X[:3].tolist(), y.tolist())
X, y, coef = make_regression(8, n_features=3, noise=1.0, random_state=5, coef=True)
print('regression', X.tolist(), y.tolist(), coef.tolist())
X, y = make_regression(6, n_features=4, n_informative=2, n_targets=2, bias=3.0, random_state=1)
print('regression 2 targets', X.tolist(), y.tolist())

iris = load_iris()
print('iris', sorted(iris.keys()), iris.data.shape, iris.data.dtype, iris.target.dtype, iris.feature_names)
print(iris.target_names, repr(iris.target_names), iris.target_names[iris.target[[0, 75, 149]]])
print(iris.data.sum(axis=0).tolist(), iris.data[[0, 34, 37, 149]].tolist(), iris.target.tolist())
X, y = load_iris(return_X_y=True)
print(X[:2], y[-3:])
digits = load_digits()
print('digits', sorted(digits.keys()), digits.data.shape, digits.images.shape, digits.target_names)
print(digits.data.sum(axis=0).tolist(), digits.target[:20].tolist(), digits.images[5].tolist())
print(digits.feature_names[:3], (digits.data[:, 9] * np.arange(1797)).sum())
X, y = load_digits(n_class=4, return_X_y=True)
print(X.shape, y[:12].tolist(), X[100].tolist())
cancer = load_breast_cancer()
print('breast cancer', cancer.data.shape, cancer.target_names, cancer.feature_names[[0, 10, 29]])
print(cancer.data.sum(axis=0).tolist(), cancer.data[[0, 300, 568]].tolist(), cancer.target.sum())
diabetes = load_diabetes()
print('diabetes', sorted(diabetes.keys()), diabetes.data.shape, diabetes.target.dtype, diabetes.feature_names)
print(hashlib.sha256(diabetes.data.tobytes()).hexdigest(), diabetes.data[[0, 441], :3].tolist(), diabetes.target[:5])
X, y = load_diabetes(return_X_y=True, scaled=False)
print(X[:2].tolist(), X.sum(axis=0).tolist(), y.sum())
frame = load_diabetes(as_frame=True).frame
print(frame.shape, list(frame.columns), frame['target'].iloc[:3].tolist())
