# scikit-learn's loaders with as_frame=True, as tabular tutorials read them: the combined frame with its
# 'target' column, the feature frame and the target Series, then into tensors through .values.
import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits, load_iris

iris = load_iris(as_frame=True)
print(type(iris.frame).__name__, iris.frame.shape, list(iris.frame.columns))
print(iris.frame.head())
print(iris.data.tail(3))
print(iris.target.name, iris.target.dtype, iris.target.value_counts().sort_index().tolist())
print(iris.frame.describe().round(3))
print(iris.frame.groupby('target').mean())
X, y = load_iris(return_X_y=True, as_frame=True)
print(type(X).__name__, type(y).__name__, X.shape, y.shape, X.values.dtype, y.values[:5])
print(np.allclose(X.values, load_iris().data))

cancer = load_breast_cancer(as_frame=True)
print(cancer.frame.shape, cancer.frame.columns[-3:].tolist(), cancer.target.sum())
print(cancer.data.iloc[:2, :4])

digits = load_digits(as_frame=True)
print(digits.frame.shape, digits.frame.columns[:3].tolist(), digits.images.shape, digits.data.dtypes.iloc[0])
Xd, yd = load_digits(n_class=3, return_X_y=True, as_frame=True)
print(Xd.shape, yd.unique().tolist())
