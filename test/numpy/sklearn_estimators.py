# Backprop Lens' scikit-learn estimators against scikit-learn 1.2.1, for the baselines files fit before a torch
# model. LinearRegression / Ridge: coef_ and predictions as numpy prints them (8 digits); a scalar intercept_
# or score is printed to 10-12 decimals, since its full repr can differ in the last digits (scipy's gelsd and
# our refined QR round differently), except with one feature, where we follow gelsd's steps to the last bit.
# KNN: neighbours, ties, votes and probabilities exactly. LogisticRegression: scipy's L-BFGS-B step for step,
# so a converged fit prints scikit-learn's coef_, intercept_, n_iter_ and probabilities; a fit stopped by
# max_iter (unscaled iris) only its warning, its unfinished coefficients having drifted by rounding.
# cross_val_score, multiclass roc_auc_score, ConfusionMatrixDisplay's texts, reprs and errors.
import warnings

import numpy as np
import torch
from sklearn import clone
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.datasets import load_breast_cancer, load_iris, make_classification, make_regression
from sklearn.exceptions import ConvergenceWarning, NotFittedError
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import ConfusionMatrixDisplay, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.preprocessing import StandardScaler

import matplotlib

matplotlib.use('Agg')


def show_linear(label, m, X, y):
    intercept = m.intercept_
    shown = np.round(intercept, 10) if np.ndim(intercept) else f'{float(intercept):.10f}'
    print(label, m, m.coef_, shown, f'{m.score(X, y):.12f}', m.predict(X[:3]))


# LinearRegression: seeded datasets, several outputs, no intercept, integer X, lists and tensors
for seed in (0, 1, 2):
    X, y = make_regression(n_samples=60, n_features=4, noise=5.0, random_state=seed)
    show_linear(f'make_regression {seed}', LinearRegression().fit(X, y), X, y)
rng = np.random.RandomState(3)
X = rng.randn(40, 3) * np.array([1.0, 10.0, 0.1]) + np.array([5.0, -2.0, 0.5])
Y = np.stack([X @ np.array([2.0, -0.3, 7.0]) + 1.0, X[:, 0] - X[:, 2]], axis=1) + 0.05 * rng.randn(40, 2)
multi = LinearRegression().fit(X, Y)
show_linear('two outputs', multi, X, Y)
print('two outputs shapes', multi.coef_.shape, multi.intercept_.shape, multi.predict(X).shape)
show_linear('no intercept', LinearRegression(fit_intercept=False).fit(X, Y[:, 0]), X, Y[:, 0])
column = LinearRegression().fit(X, Y[:, :1])
print('column y', column.coef_, column.intercept_.shape, column.predict(X[:2]).shape)
Xi = rng.randint(0, 10, size=(30, 2))
yi = 3 * Xi[:, 0] - Xi[:, 1] + rng.randint(0, 3, size=30)
show_linear('integers', LinearRegression().fit(Xi, yi), Xi, yi)
show_linear('lists', LinearRegression().fit(Xi.tolist(), yi.tolist()), Xi, yi)
t = LinearRegression().fit(torch.tensor(X), torch.tensor(Y[:, 0]))
print('float64 tensor', t.coef_, t.coef_.dtype, f'{t.intercept_:.10f}')
rank = LinearRegression().fit(np.c_[X, 2 * X[:, :1]], Y[:, 0])
print('rank deficient', rank.coef_, rank.rank_)
print('exact line', LinearRegression().fit([[1, 1], [1, 2], [2, 2], [2, 3]], [6, 8, 9, 11]).coef_)

# One feature (y against x, the commonest case) follows dgelsd's own steps: full reprs agree
for seed in range(8):
    r1 = np.random.RandomState(seed)
    x1 = r1.rand(20 + 15 * seed) * 10 ** r1.uniform(-2, 2)
    y1 = 3.0 * x1 + r1.randn(x1.size) * r1.rand() + r1.randn()
    one = LinearRegression().fit(x1.reshape(-1, 1), y1)
    print('one feature', one.coef_[0], one.intercept_, one.score(x1.reshape(-1, 1), y1), one.predict([[1.5]])[0])
two_out = LinearRegression().fit(np.arange(30.0).reshape(-1, 1), rng.randn(30, 2))
print('one feature, two outputs', two_out.coef_.tolist(), two_out.intercept_.tolist())
print('hours and scores', LinearRegression().fit([[1], [2], [3], [4]], [2, 4.1, 5.9, 8.2]).intercept_)

# Ridge
for alpha in (0.1, 1.0, 25.0):
    show_linear(f'ridge {alpha}', Ridge(alpha=alpha).fit(X, Y[:, 0]), X, Y[:, 0])
show_linear('ridge two outputs', Ridge(alpha=2.0).fit(X, Y), X, Y)
wide = rng.randn(5, 8)
ridge_wide = Ridge(alpha=0.5).fit(wide, wide[:, 0] + 1)
print('ridge wide', ridge_wide.coef_, f'{ridge_wide.intercept_:.10f}')

# KNN classifier: iris (KD-tree), tie-heavy integer grids (KD-tree leaf and brute force), distance weights
iris = load_iris()
X_train, X_test, y_train, y_test = train_test_split(iris.data, iris.target, test_size=0.3, random_state=42)
for k in (1, 3, 5, 7):
    knn = KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    print('iris k', k, knn, knn.score(X_test, y_test), knn.predict(X_test[:10]))
knn = KNeighborsClassifier(n_neighbors=5).fit(X_train, y_train)
print('iris proba', knn.predict_proba(X_test[[0, 9, 16, 33, 44]]))
dist, ind = knn.kneighbors(X_test[:4])
print('iris kneighbors', dist, ind)
dknn = KNeighborsClassifier(n_neighbors=6, weights='distance').fit(X_train, y_train)
print('iris distance', dknn, dknn.predict_proba(X_test[[9, 16, 33]]), dknn.score(X_test, y_test))
grid = np.array([[i % 4, i // 4 % 3] for i in range(24)], dtype=float)
labels = np.array([0, 1, 2, 1, 0, 2] * 4)
queries = np.array([[0.0, 0.0], [1.5, 1.0], [3.0, 2.0], [2.0, 0.5]])
for k in (2, 4, 5, 12):
    g = KNeighborsClassifier(n_neighbors=k).fit(grid, labels)
    print('grid k', k, g.kneighbors(queries), g.predict(queries), g.predict_proba(queries))
gd = KNeighborsClassifier(n_neighbors=4, weights='distance').fit(grid, labels)
print('grid distance', gd.predict(grid[:6]), gd.predict_proba(queries))
print('grid self', KNeighborsClassifier(n_neighbors=3).fit(grid, labels).kneighbors())
manhattan = KNeighborsClassifier(n_neighbors=3, p=1).fit(grid, labels)
print('manhattan', manhattan, manhattan.kneighbors(queries[:2]), manhattan.predict(queries))
wide_X = np.random.RandomState(5).randint(0, 3, size=(40, 20)).astype(float)
wide_y = np.arange(40) % 3
brute = KNeighborsClassifier(n_neighbors=4).fit(wide_X, wide_y)
print('brute', brute.kneighbors(wide_X[:3] + 1.0), brute.predict(wide_X[:8]))
strings = KNeighborsClassifier(n_neighbors=3).fit(grid, [['cat', 'dog', 'emu'][c] for c in labels])
print('strings', strings.classes_, strings.predict(queries))
tensor_knn = KNeighborsClassifier(n_neighbors=3).fit(torch.tensor(grid, dtype=torch.float32), torch.tensor(labels))
print('tensor', tensor_knn.predict(torch.tensor(queries)), tensor_knn.classes_)

# KNN regressor
kr = KNeighborsRegressor(n_neighbors=4).fit(X, Y[:, 0])
print('knn regressor', kr, kr.predict(X[:4]), f'{kr.score(X, Y[:, 0]):.12f}')
krd = KNeighborsRegressor(n_neighbors=3, weights='distance').fit(X[::2], Y[::2])
print('knn regressor distance', krd.predict(X[1:8:2]))

# LogisticRegression: binary and multinomial, on scaled data
Xb, yb = make_classification(n_samples=200, n_features=5, n_informative=3, random_state=7)
Xb_train, Xb_test, yb_train, yb_test = train_test_split(Xb, yb, random_state=0)
scaler = StandardScaler().fit(Xb_train)
for C in (1.0, 0.1, 10.0):
    lr = LogisticRegression(C=C).fit(scaler.transform(Xb_train), yb_train)
    print('binary C', C, lr, lr.coef_, lr.intercept_, lr.classes_, lr.coef_.shape, lr.n_iter_)
    print('  score', lr.score(scaler.transform(Xb_test), yb_test), lr.predict(scaler.transform(Xb_test[:12])))
    print('  proba', lr.predict_proba(scaler.transform(Xb_test[:4])))
iris_scaler = StandardScaler().fit(X_train)
soft = LogisticRegression().fit(iris_scaler.transform(X_train), y_train)
print('iris multinomial', soft.coef_, soft.intercept_, soft.n_iter_)
print('  ', soft.score(iris_scaler.transform(X_test), y_test), soft.predict(iris_scaler.transform(X_test[:15])))
print('  ', soft.predict_proba(iris_scaler.transform(X_test[:5])))
print('  decision', soft.decision_function(iris_scaler.transform(X_test[:2])))
ovr = LogisticRegression(multi_class='ovr', C=0.5).fit(iris_scaler.transform(X_train), y_train)
print('iris ovr', ovr, ovr.coef_, ovr.n_iter_, ovr.predict_proba(iris_scaler.transform(X_test[:3])))
cancer = load_breast_cancer()
Xc = StandardScaler().fit_transform(cancer.data)
lc = LogisticRegression(max_iter=1000).fit(Xc, cancer.target)
print('cancer', lc, lc.coef_[0, :8], lc.intercept_, lc.score(Xc, cancer.target), lc.n_iter_)
balanced = LogisticRegression(class_weight='balanced').fit(Xc[:, :5], cancer.target)
print('balanced', balanced.coef_, balanced.n_iter_, balanced.score(Xc[:, :5], cancer.target))
named = LogisticRegression().fit(iris_scaler.transform(X_train), iris.target_names[y_train])
print('names', named.classes_, named.predict(iris_scaler.transform(X_test[:6])))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    LogisticRegression().fit(iris.data, iris.target)
print('unscaled warns', [(w.category.__name__, str(w.message).splitlines()[0]) for w in caught])
print('ConvergenceWarning', issubclass(ConvergenceWarning, UserWarning))

# cross_val_score, roc_auc_score(multi_class='ovr'), ConfusionMatrixDisplay
print('cv knn', cross_val_score(KNeighborsClassifier(), iris.data, iris.target))
print('cv knn f1', cross_val_score(KNeighborsClassifier(n_neighbors=9), iris.data, iris.target, cv=3, scoring='f1_macro'))
cv_lr = cross_val_score(LogisticRegression(), Xc[:, :6], cancer.target, cv=StratifiedKFold(4, shuffle=True, random_state=0))
print('cv logistic', cv_lr)
print('cv linear', np.round(cross_val_score(LinearRegression(), X, Y[:, 0], cv=KFold(4, shuffle=True, random_state=1)), 10))
print('cv mse', np.round(cross_val_score(Ridge(), X, Y[:, 0], scoring='neg_mean_squared_error'), 8))
proba = knn.predict_proba(X_test)
print('roc ovr', roc_auc_score(y_test, proba, multi_class='ovr'), roc_auc_score(y_test, proba, multi_class='ovr', average='weighted'))
print('roc ovr none', roc_auc_score(y_test, proba, multi_class='ovr', average=None))
for bad in ({}, {'multi_class': 'ovr', 'average': 'samples'}):
    try:
        roc_auc_score(y_test, proba, **bad)
    except ValueError as e:
        print('roc error', e)
disp = ConfusionMatrixDisplay.from_estimator(knn, X_test, y_test, display_labels=iris.target_names)
print('display', disp.confusion_matrix.tolist(), [[t.get_text() for t in row] for row in disp.text_])
print('  ', [t.get_text() for t in disp.ax_.get_xticklabels()], disp.ax_.get_xlabel(), disp.ax_.get_ylabel())
norm = ConfusionMatrixDisplay.from_predictions(y_test, knn.predict(X_test), normalize='true', colorbar=False)
print('  normalized', [[t.get_text() for t in row] for row in norm.text_])

# reprs, parameters, clone, errors
print(LinearRegression(), Ridge(alpha=0.5), KNeighborsRegressor(weights='distance'), LogisticRegression(C=0.01))
print(LogisticRegression(C=0.1, max_iter=1000, multi_class='multinomial', random_state=0, tol=1e-6, solver='lbfgs'))
print(sorted(KNeighborsClassifier().get_params().items()))
print(KNeighborsClassifier().set_params(n_neighbors=4), clone(LogisticRegression(C=2.0)))


class AddColumn(BaseEstimator, TransformerMixin):
    def __init__(self, value=1.0, name='bias'):
        self.value = value
        self.name = name

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        return np.hstack([X, np.full((len(X), 1), self.value)])


print(AddColumn(value=2.5), clone(AddColumn(name='a' * 70, value=3.0)), AddColumn().fit_transform(np.zeros((2, 1))))
for call in (
    lambda: LinearRegression().predict(X),
    lambda: KNeighborsClassifier().predict(X),
    lambda: LogisticRegression().predict_proba(X),
):
    try:
        call()
    except NotFittedError as e:
        print(type(e).__name__, isinstance(e, AttributeError), e)
for call in (
    lambda: multi.predict(X[:, :2]),
    lambda: LinearRegression().fit(X[:, 0], Y[:, 0]),
    lambda: LinearRegression().fit(X, Y[:5, 0]),
    lambda: LinearRegression().fit([[1.0, np.nan], [2.0, 3.0]], [1, 2]),
    lambda: KNeighborsClassifier(n_neighbors=30).fit(grid, labels).predict(queries),
    lambda: LogisticRegression().fit(X, Y[:, 0]),
    lambda: LogisticRegression().fit(X, np.zeros(40)),
):
    try:
        call()
    except ValueError as e:
        print('ValueError', str(e).splitlines()[0])
