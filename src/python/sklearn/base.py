"""sklearn.base: BaseEstimator (get_params, set_params, and the repr that shows the parameters changed from
their defaults, wrapped as scikit-learn 1.2's pretty printer wraps it), the classifier / regressor mixins
(score as accuracy / R^2), TransformerMixin and clone."""

import copy
import inspect

from .exceptions import NotFittedError

_WIDTH = 80  # scikit-learn's _EstimatorPrettyPrinter keeps pprint's default width


class BaseEstimator:
    @classmethod
    def _get_param_names(cls):
        init = cls.__init__
        if init is object.__init__:
            return []
        params = inspect.signature(init).parameters.values()
        return sorted(p.name for p in params if p.name != 'self' and p.kind != p.VAR_KEYWORD)

    def get_params(self, deep=True):
        out = {}
        for name in self._get_param_names():
            value = getattr(self, name)
            if deep and hasattr(value, 'get_params') and not isinstance(value, type):
                out.update((f'{name}__{k}', v) for k, v in value.get_params().items())
            out[name] = value
        return out

    def set_params(self, **params):
        valid = self.get_params(deep=True)
        for key, value in params.items():
            name = key.partition('__')[0]
            if name not in valid:
                raise ValueError(
                    f'Invalid parameter {name!r} for estimator {self}. Valid parameters are: '
                    f'{sorted(self._get_param_names())!r}.'
                )
            setattr(self, key, value)
        return self

    def _changed_params(self):
        # scikit-learn compares the reprs, so 1 and 1.0 differ from each other but a copied default does not.
        defaults = {
            p.name: p.default for p in inspect.signature(type(self).__init__).parameters.values() if p.name != 'self'
        }
        return [(k, v) for k, v in self.get_params(deep=False).items() if repr(v) != repr(defaults.get(k))]

    def __repr__(self):
        name = type(self).__name__
        items = [f'{k}={v!r}' for k, v in sorted(self._changed_params())]
        one_line = f"{name}({', '.join(items)})"
        if len(one_line) <= _WIDTH:
            return one_line
        return _wrapped(name, items)

    def _more_tags(self):
        return {}


def _wrapped(name, items):
    """The pretty printer's compact layout: items fill lines of width 80, continued under the first one."""
    indent = len(name) + 1
    newline = ',\n' + ' ' * indent
    width = max_width = _WIDTH - indent + 1
    out, delim = [name, '('], ''
    for i, rep in enumerate(items):
        if i == len(items) - 1:
            max_width -= 1
            width -= 1
        w = len(rep) + 2
        if width < w:
            width = max_width
            if delim:
                delim = newline
        if width >= w:
            width -= w
            out += [delim, rep]
            delim = ', '
            continue
        out += [delim, rep]
        delim = newline
    return ''.join(out) + ')'


class ClassifierMixin:
    _estimator_type = 'classifier'

    def score(self, X, y, sample_weight=None):
        from .metrics import accuracy_score

        return accuracy_score(y, self.predict(X), sample_weight=sample_weight)


class RegressorMixin:
    _estimator_type = 'regressor'

    def score(self, X, y, sample_weight=None):
        from .metrics import r2_score

        return r2_score(y, self.predict(X), sample_weight=sample_weight)


class TransformerMixin:
    """fit_transform as fit(X, y).transform(X), for transformers learners write themselves."""

    def fit_transform(self, X, y=None, **fit_params):
        if y is None:
            return self.fit(X, **fit_params).transform(X)
        return self.fit(X, y, **fit_params).transform(X)


def is_classifier(estimator):
    return getattr(estimator, '_estimator_type', None) == 'classifier'


def is_regressor(estimator):
    return getattr(estimator, '_estimator_type', None) == 'regressor'


def clone(estimator, *, safe=True):
    """A new unfitted estimator with the same parameters (deep copies of them), as scikit-learn's clone."""
    if isinstance(estimator, (list, tuple, set, frozenset)):
        return type(estimator)([clone(e, safe=safe) for e in estimator])
    if not hasattr(estimator, 'get_params') or isinstance(estimator, type):
        if not safe:
            return copy.deepcopy(estimator)
        raise TypeError(
            "Cannot clone object '%s' (type %s): it does not seem to be a scikit-learn estimator as it does not "
            "implement a 'get_params' method." % (repr(estimator), type(estimator))
        )
    params = {k: clone(v, safe=False) for k, v in estimator.get_params(deep=False).items()}
    return type(estimator)(**params)


def check_is_fitted(estimator, attributes=None):
    """NotFittedError unless fit has set the attributes (by default any name ending in '_')."""
    if attributes is None:
        fitted = [v for v in vars(estimator) if v.endswith('_') and not v.startswith('__')]
    else:
        names = [attributes] if isinstance(attributes, str) else attributes
        fitted = [n for n in names if hasattr(estimator, n)]
    if not fitted:
        raise NotFittedError(
            f"This {type(estimator).__name__} instance is not fitted yet. Call 'fit' with appropriate arguments "
            'before using this estimator.'
        )


__all__ = [
    'BaseEstimator',
    'ClassifierMixin',
    'RegressorMixin',
    'TransformerMixin',
    'clone',
    'is_classifier',
    'is_regressor',
]
