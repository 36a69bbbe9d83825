# Backprop Lens' scikit-learn subset against scikit-learn 1.2.1, for what files put around a torch model:
# load_wine, PolynomialFeatures (columns, names, powers), scale/minmax_scale/normalize/label_binarize, scalers
# given torch float32 tensors (float64 out, as check_array makes them), integer centers of make_blobs,
# explained_variance_score, mean_absolute_percentage_error, precision_recall_curve, average_precision_score,
# log_loss (scipy's libm log, bit for bit), and long string arrays wrapped as numpy prints them.
import numpy as np
import torch
from sklearn.datasets import load_breast_cancer, load_wine, make_blobs
from sklearn.metrics import (
    average_precision_score,
    explained_variance_score,
    log_loss,
    mean_absolute_percentage_error,
    precision_recall_curve,
)
from sklearn.preprocessing import (
    LabelEncoder,
    MinMaxScaler,
    OneHotEncoder,
    PolynomialFeatures,
    StandardScaler,
    label_binarize,
    minmax_scale,
    normalize,
    scale,
)

wine = load_wine()
print('wine', wine.data.shape, wine.feature_names, wine.target_names, sorted(wine.keys()))
print('wine rows', wine.data[::40].tolist(), wine.target[::20].tolist(), np.bincount(wine.target).tolist())
X, y = load_wine(return_X_y=True, as_frame=True)
print(X.head(3))
print(y.tail(3))

rng = np.random.RandomState(3)
A = rng.randn(30, 5) * 10 + 3
x = rng.rand(10, 1) * 4 - 2
pf = PolynomialFeatures(degree=5)
print('poly', pf.fit_transform(x)[:3].tolist(), pf, pf.n_output_features_)
print('poly 3', PolynomialFeatures(3).fit_transform(A[:3, :3]).tolist())
p23 = PolynomialFeatures((2, 3), include_bias=False).fit(A[:, :3])
print(p23.get_feature_names_out())
print(repr(p23.get_feature_names_out()))
print('poly 2..3', p23.transform(A[:2, :3]).tolist(), p23.powers_.tolist())
print('interaction', PolynomialFeatures(3, interaction_only=True).fit_transform(A[:2, :4]).tolist())
p2 = PolynomialFeatures(2).fit(A[:, :2])
print(p2.n_output_features_, p2.n_features_in_, p2.get_feature_names_out(['u', 'v']))
print(PolynomialFeatures(2).fit_transform(np.float32(A[:2, :2])).dtype, PolynomialFeatures(2).fit_transform([[1, 2]]))
print(PolynomialFeatures(3, include_bias=False).fit_transform(torch.linspace(-1, 1, 5).unsqueeze(1)))

print('scale', scale(A)[:3].tolist(), scale(A, axis=1)[:2].tolist(), scale(A[:, 0]).tolist())
print(scale(np.arange(12).reshape(4, 3)), scale(np.ones((3, 2))), scale(A, with_mean=False)[0].tolist())
print('minmax', minmax_scale(A)[:3].tolist(), minmax_scale(A[:, 1]).tolist())
print(minmax_scale(A, feature_range=(-1, 1), axis=1)[:2].tolist())
print('normalize', normalize(A)[:3].tolist(), normalize(A, norm='l1')[:2].tolist())
print(normalize(A, norm='max', axis=0)[:2].tolist(), normalize(A[:3], return_norm=True)[1].tolist())
print(normalize(np.array([[0.0, 0.0], [1, 1]], dtype=np.float32)))
print(label_binarize([1, 6, 4, 2], classes=[1, 2, 4, 6]), label_binarize([1, 6], classes=[1, 6]))
print(label_binarize(['yes', 'no', 'no'], classes=['no', 'yes']), label_binarize([1, 6, 4], classes=[6, 4, 2, 1]))

t = torch.randn(6, 2, generator=torch.Generator().manual_seed(0))
sc = StandardScaler().fit(t)
print('tensor in', sc.transform(t).dtype, sc.mean_.tolist(), MinMaxScaler().fit_transform(t).dtype)
print(PolynomialFeatures().fit_transform(t).dtype, normalize(t).dtype, scale(t).dtype, minmax_scale(t).dtype)

X, y, c = make_blobs(n_samples=50, centers=[[0, 0], [3, 3]], random_state=1, return_centers=True)
print('blobs', X[:3].tolist(), c)

rng = np.random.RandomState(0)
yt = rng.randint(0, 3, 50)
bt = rng.randint(0, 2, 40)
bs = rng.rand(40)
a = rng.rand(20) + 1
b = a + rng.randn(20) * 0.1
print('regression', mean_absolute_percentage_error(a, b), explained_variance_score(a, b))
M = rng.rand(10, 2)
N = M + rng.randn(10, 2)
print(mean_absolute_percentage_error(M, N, multioutput='raw_values').tolist())
print(explained_variance_score(M, N, multioutput='variance_weighted'), explained_variance_score([1, 1.0], [1, 1.0]))
print(mean_absolute_percentage_error([0, 1.0], [0.1, 1]))
print(mean_absolute_percentage_error(torch.tensor(a, dtype=torch.float32), torch.tensor(b, dtype=torch.float32)))
p, r, th = precision_recall_curve(bt, bs)
print('pr curve', p.tolist(), r.tolist(), th.tolist(), average_precision_score(bt, bs))
s2 = np.round(bs, 1)
p, r, th = precision_recall_curve(bt, s2)
print(p.tolist(), r.tolist(), th.tolist(), average_precision_score(bt, s2))
print(precision_recall_curve(torch.tensor(bt), torch.sigmoid(torch.tensor(bs)))[0][:5].tolist())
P = rng.rand(50, 3)
P /= P.sum(axis=1, keepdims=True)
print('log loss', log_loss(bt, bs), log_loss(bt, bs, normalize=False), log_loss(yt, P))
print(log_loss(yt, P.astype(np.float32)), log_loss(['a', 'b', 'a'], [[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]))
print(log_loss(torch.tensor(bt), torch.tensor(bs, dtype=torch.float32)), log_loss([1, 0, 1], [1.0, 0.0, 0.3]))
try:
    log_loss([1, 1], [0.9, 0.8])
except ValueError as e:
    print('ValueError', e)

print(OneHotEncoder(sparse_output=False).fit([[f'c{i}', i] for i in range(14)]).get_feature_names_out())
le = LabelEncoder().fit([f'class_{i}' for i in range(12)])
print(le.classes_)
print(repr(le.classes_))
print(load_breast_cancer().feature_names)
print(repr(load_breast_cancer().feature_names[:8]))
