"""sklearn.metrics: classification, regression and ROC metrics for numpy arrays, lists and torch tensors."""

from .._unsupported import module_getattr
from ._classification import (
    accuracy_score,
    classification_report,
    confusion_matrix,
    f1_score,
    fbeta_score,
    precision_recall_fscore_support,
    precision_score,
    recall_score,
)
from ._confusion_display import ConfusionMatrixDisplay
from ._log_loss import log_loss
from ._ranking import auc, average_precision_score, precision_recall_curve, roc_auc_score, roc_curve
from ._regression import (
    explained_variance_score,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    r2_score,
)

__all__ = [
    'ConfusionMatrixDisplay',
    'accuracy_score',
    'auc',
    'average_precision_score',
    'classification_report',
    'confusion_matrix',
    'explained_variance_score',
    'f1_score',
    'fbeta_score',
    'log_loss',
    'mean_absolute_error',
    'mean_absolute_percentage_error',
    'mean_squared_error',
    'precision_recall_curve',
    'precision_recall_fscore_support',
    'precision_score',
    'r2_score',
    'recall_score',
    'roc_auc_score',
    'roc_curve',
]

__getattr__ = module_getattr('sklearn.metrics')
