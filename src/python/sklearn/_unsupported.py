"""Errors for scikit-learn features Backprop Lens does not have: each names the feature and what is there."""

SUPPORTED_HINT = (
    "Backprop Lens' scikit-learn subset has sklearn.datasets (make_moons, make_circles, make_blobs, "
    "make_classification, make_regression, load_iris, load_digits, load_breast_cancer, load_wine, load_diabetes), "
    "sklearn.model_selection (train_test_split, KFold, StratifiedKFold, ShuffleSplit, StratifiedShuffleSplit, "
    "cross_val_score), sklearn.preprocessing (StandardScaler, MinMaxScaler, LabelEncoder, LabelBinarizer, "
    "OneHotEncoder, PolynomialFeatures, scale, minmax_scale, normalize, label_binarize), sklearn.linear_model "
    "(LinearRegression, Ridge, LogisticRegression), sklearn.neighbors (KNeighborsClassifier, KNeighborsRegressor), "
    "sklearn.metrics (accuracy_score, confusion_matrix, ConfusionMatrixDisplay, precision_score, recall_score, "
    "f1_score, precision_recall_fscore_support, classification_report, roc_auc_score, roc_curve, "
    "precision_recall_curve, average_precision_score, log_loss, mean_squared_error, mean_absolute_error, "
    "mean_absolute_percentage_error, r2_score, explained_variance_score), sklearn.base (clone) "
    "and sklearn.utils (shuffle, resample, check_random_state, Bunch); train other models with torch. "
    "See README 'Supported PyTorch'."
)


class MissingModule(NotImplementedError, ImportError):
    """NotImplementedError for a scikit-learn module we lack; also an ImportError, so a file's
    `try: ... except ImportError:` fallback still runs."""


MissingModule.__name__ = MissingModule.__qualname__ = 'NotImplementedError'
MissingModule.__module__ = 'builtins'


def unsupported(feature, hint=None):
    detail = f" ({hint})" if hint else ''
    return NotImplementedError(f"{feature} is not supported by Backprop Lens{detail}. {SUPPORTED_HINT}")


def missing_module(name):
    return MissingModule(f"The module {name} is not supported by Backprop Lens. {SUPPORTED_HINT}", name=name)


def module_getattr(prefix):
    """A module-level __getattr__: a public name scikit-learn 1.2 has in this module but our subset lacks is a
    NotImplementedError naming it (not an AttributeError, so `from sklearn.datasets import fetch_openml` stops
    with this message, not Python's 'cannot import name'); any other name is a plain AttributeError, as there."""
    from ._names import NAMES

    names = NAMES.get(prefix, frozenset())

    def __getattr__(name):
        if name in names:
            raise NotImplementedError(f"{prefix}.{name} is not supported by Backprop Lens. {SUPPORTED_HINT}")
        raise AttributeError(f"module '{prefix}' has no attribute '{name}'")

    return __getattr__
