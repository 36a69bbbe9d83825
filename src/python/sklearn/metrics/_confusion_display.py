"""ConfusionMatrixDisplay: scikit-learn 1.2's plot drawn with our matplotlib (imshow of the matrix, each count
as text in the colormap's far end from its cell's colour, a colorbar, 'True label' / 'Predicted label')."""

from itertools import product

import numpy as np

from ..base import is_classifier
from ._classification import confusion_matrix


class ConfusionMatrixDisplay:
    def __init__(self, confusion_matrix, *, display_labels=None):
        self.confusion_matrix = confusion_matrix
        self.display_labels = display_labels

    def plot(
        self,
        *,
        include_values=True,
        cmap='viridis',
        xticks_rotation='horizontal',
        values_format=None,
        ax=None,
        colorbar=True,
        im_kw=None,
        text_kw=None,
    ):
        import matplotlib.pyplot as plt

        if ax is None:
            fig, ax = plt.subplots()
        else:
            fig = ax.figure
        cm = np.asarray(self.confusion_matrix)
        n_classes = cm.shape[0]
        im_kw = {'interpolation': 'nearest', 'cmap': cmap, **(im_kw or {})}
        text_kw = text_kw or {}
        self.im_ = ax.imshow(cm, **im_kw)
        self.text_ = None
        cmap_min, cmap_max = self.im_.cmap(0), self.im_.cmap(1.0)
        if include_values:
            texts = [[None] * n_classes for _ in range(n_classes)]
            # dark text on light cells and light text on dark ones
            thresh = (cm.max() + cm.min()) / 2.0
            for i, j in product(range(n_classes), range(n_classes)):
                value = cm[i, j]
                color = cmap_max if value < thresh else cmap_min
                if values_format is None:
                    text_cm = format(value.item(), '.2g')
                    if cm.dtype.kind != 'f':
                        text_d = format(int(value), 'd')
                        if len(text_d) < len(text_cm):
                            text_cm = text_d
                else:
                    text_cm = format(value.item(), values_format)
                texts[i][j] = ax.text(j, i, text_cm, **{'ha': 'center', 'va': 'center', 'color': color, **text_kw})
            self.text_ = texts
        labels = np.arange(n_classes) if self.display_labels is None else self.display_labels
        if colorbar:
            fig.colorbar(self.im_, ax=ax)
        ax.set(
            xticks=np.arange(n_classes),
            yticks=np.arange(n_classes),
            xticklabels=labels,
            yticklabels=labels,
            ylabel='True label',
            xlabel='Predicted label',
        )
        ax.set_ylim((n_classes - 0.5, -0.5))
        plt.setp(ax.get_xticklabels(), rotation=xticks_rotation)
        self.figure_ = fig
        self.ax_ = ax
        return self

    @classmethod
    def from_predictions(
        cls,
        y_true,
        y_pred,
        *,
        labels=None,
        sample_weight=None,
        normalize=None,
        display_labels=None,
        include_values=True,
        xticks_rotation='horizontal',
        values_format=None,
        cmap='viridis',
        ax=None,
        colorbar=True,
        im_kw=None,
        text_kw=None,
    ):
        if display_labels is None:
            if labels is None:
                from ._targets import unique_labels

                display_labels = unique_labels(y_true, y_pred)
            else:
                display_labels = labels
        cm = confusion_matrix(y_true, y_pred, sample_weight=sample_weight, labels=labels, normalize=normalize)
        disp = cls(confusion_matrix=cm, display_labels=display_labels)
        return disp.plot(
            ax=ax,
            cmap=cmap,
            xticks_rotation=xticks_rotation,
            values_format=values_format,
            include_values=include_values,
            colorbar=colorbar,
            im_kw=im_kw,
            text_kw=text_kw,
        )

    @classmethod
    def from_estimator(cls, estimator, X, y, **kwargs):
        if not is_classifier(estimator):
            raise ValueError('ConfusionMatrixDisplay.from_estimator only supports classifiers')
        return cls.from_predictions(y, estimator.predict(X), **kwargs)
