# Backprop Lens' scikit-learn subset against scikit-learn 1.2.1: the scalers' fitted attributes and results
# (float64 and float32), LabelEncoder, LabelBinarizer, and the metrics' values, types and classification_report's text.
import numpy as np
import torch
from sklearn.datasets import load_iris
from sklearn.metrics import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    f1_score,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_fscore_support,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.preprocessing import LabelBinarizer, LabelEncoder, MinMaxScaler, StandardScaler

X = load_iris().data
sc = StandardScaler()
Z = sc.fit_transform(X)
print(sc, sc.mean_.tolist(), sc.var_.tolist(), sc.scale_.tolist(), sc.n_samples_seen_, sc.n_features_in_)
print(Z[:3].tolist(), Z.sum(axis=0).tolist(), sc.inverse_transform(Z[:2]).tolist())
print(sc.transform([[5.0, 3.0, 1.0, 0.5]]))
sc = StandardScaler().fit(np.array([[1, 2], [1, 4], [1, 9]]))
print(sc.transform([[1, 3]]), sc.scale_, sc.mean_, sc.var_)
Xf = np.array([[1.5, 2], [3, 5], [4, 9]], dtype=np.float32)
s32 = StandardScaler().fit(Xf)
print(s32.transform(Xf).tolist(), s32.transform(Xf).dtype, s32.mean_.tolist(), s32.var_.tolist())
s = StandardScaler()
s.partial_fit(X[:50])
s.partial_fit(X[50:])
print(s.mean_.tolist(), s.var_.tolist(), s.n_samples_seen_)
print(StandardScaler(with_mean=False).fit(X).transform(X[:2]).tolist(), StandardScaler(with_std=False).fit_transform(X[:2]))
mm = MinMaxScaler((-1, 1))
print(mm, mm.fit_transform(X)[:3].tolist(), mm.data_min_, mm.data_max_, mm.data_range_, mm.scale_.tolist(), mm.min_.tolist())
print(mm.inverse_transform(mm.transform(X[:2])).tolist(), MinMaxScaler(clip=True).fit(X[:10]).transform(X[10:13]).tolist())
le = LabelEncoder()
print(le.fit_transform(['paris', 'tokyo', 'paris', 'amsterdam']), le.classes_, repr(le.classes_), le.inverse_transform([2, 0]))
le = LabelEncoder().fit([3, 1, 2, 3])
print(le.classes_, le.transform([1, 3]), le.inverse_transform(np.array([0, 2])))

yt = np.array([0, 1, 2, 2, 1, 0, 1, 2, 0, 0, 1, 2])
yp = np.array([0, 2, 2, 2, 1, 0, 0, 2, 1, 0, 1, 1])
print(accuracy_score(yt, yp), accuracy_score(yt, yp, normalize=False), confusion_matrix(yt, yp))
print(confusion_matrix(yt, yp, normalize='true'), confusion_matrix(yt, yp, labels=[2, 0]))
for avg in ['macro', 'micro', 'weighted', None]:
    print(avg, precision_score(yt, yp, average=avg), recall_score(yt, yp, average=avg), f1_score(yt, yp, average=avg))
print(precision_recall_fscore_support(yt, yp), precision_recall_fscore_support(yt, yp, beta=0.5, average='macro'))
print(classification_report(yt, yp))
print(classification_report(yt, yp, target_names=['setosa', 'versicolor', 'virginica'], digits=4))
print(classification_report(['cat', 'dog', 'dog', 'bird'], ['cat', 'dog', 'cat', 'bird']))
print(classification_report(yt, yp, labels=[0, 1], output_dict=True))
bt, bp = [0, 1, 1, 0, 1, 1, 0], [0, 1, 0, 0, 1, 1, 1]
print(precision_score(bt, bp), recall_score(bt, bp), f1_score(bt, bp), f1_score(bt, bp, pos_label=0))
preds, true = torch.tensor([0, 1, 1, 0, 1]), torch.tensor([0, 1, 0, 0, 1])
print(accuracy_score(true, preds), confusion_matrix(true, preds), f1_score(true, preds), precision_score(true.numpy(), preds.numpy()))
scores = [0.1, 0.8, 0.4, 0.35, 0.9, 0.5, 0.8]
print(roc_auc_score(bt, scores), [a.tolist() for a in roc_curve(bt, scores)], roc_auc_score(['n', 'y', 'y', 'n'], [0.2, 0.7, 0.1, 0.3]))
print(mean_squared_error([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]), mean_absolute_error([1.0, 2.0, 3.0], [1.5, 2.0, 2.0]))
print(r2_score([1.0, 2.0, 3.0, 4.0], [1.1, 2.0, 2.8, 4.3]), mean_squared_error([1, 2, 3], [2, 2, 2], squared=False))
p32, t32 = torch.tensor([1.5, 2.0, 2.5]), torch.tensor([1.0, 2.0, 3.0])
print(repr(mean_squared_error(t32, p32)), repr(r2_score(t32.numpy(), p32.numpy())), repr(mean_absolute_error(t32, p32)))
two_t, two_p = np.array([[1.0, 2.0], [3.0, 4.0], [0.5, 1.0]]), np.array([[1.0, 3.0], [2.0, 4.0], [0.0, 2.0]])
print(mean_squared_error(two_t, two_p, multioutput='raw_values'), r2_score(two_t, two_p, multioutput='variance_weighted'))

import warnings

from sklearn.preprocessing import OneHotEncoder

y = np.array([0, 2, 1, 1])
print(OneHotEncoder(sparse_output=False).fit_transform(y.reshape(-1, 1)))
sparse = OneHotEncoder().fit_transform(y[:, np.newaxis])
print(repr(sparse), sparse.shape, sparse.toarray())
print(sparse)
with warnings.catch_warnings():
    warnings.simplefilter('ignore', FutureWarning)  # sparse= is deprecated in 1.2; its warning names a file path
    enc = OneHotEncoder(sparse=False)
    print(enc.fit_transform([[1, 'a'], [2, 'b'], [1, 'c']]), enc.categories_, enc.get_feature_names_out(), enc)
enc = OneHotEncoder(sparse_output=False, drop='first', handle_unknown='ignore')
print(enc.fit_transform(np.array([[0.5, 3], [1.5, 4]])), enc.categories_, enc.drop_idx_, enc.get_feature_names_out(['a', 'b']), enc)
print(enc.inverse_transform([[1.0, 0.0]]))
enc = OneHotEncoder(sparse_output=False, handle_unknown='ignore').fit([['red'], ['green']])
print(enc.transform([['blue'], ['red']]), enc.categories_)
try:
    OneHotEncoder(sparse_output=False).fit([[1], [2]]).transform([[3]])
except ValueError as err:
    print(err)
print(MinMaxScaler((-1, 1), clip=True), StandardScaler(with_mean=False, copy=False))

lb = LabelBinarizer()
print(repr(lb.fit_transform([0, 1, 3, 1])), lb.classes_, lb.y_type_, lb.sparse_input_, lb)
print(repr(lb.transform([3, 0, 5])), repr(lb.inverse_transform(np.array([[0.1, 0.7, 0.1], [0.9, 0.0, 0.0]]))))
lb = LabelBinarizer()
print(repr(lb.fit_transform(['yes', 'no', 'yes'])), lb.classes_, lb.y_type_, lb.inverse_transform(np.array([[0.2], [0.8]])))
lb = LabelBinarizer(neg_label=-1, pos_label=2)
print(repr(lb.fit_transform([1, 2, 3])), repr(lb.fit_transform(np.array([5, 7]))), lb, lb.get_params())
print(repr(LabelBinarizer().fit([4]).transform([4, 4])))
for bad in (lambda: LabelBinarizer().fit([[1, 2], [3, 4]]), lambda: LabelBinarizer(neg_label=1, pos_label=1).fit([0, 1])):
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
