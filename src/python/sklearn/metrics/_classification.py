"""Classification metrics (accuracy, confusion matrix, precision/recall/F, the text report) with
scikit-learn 1.2's label order, averaging, zero-division rule and printed layout."""

import warnings

import numpy as np

from .._unsupported import unsupported
from ..exceptions import UndefinedMetricWarning
from ..utils._validation import as_array
from ._targets import check_targets, unique_labels


def _weights(sample_weight, n):
    if sample_weight is None:
        return None
    w = np.asarray(as_array(sample_weight), dtype=np.float64)
    if len(w) != n:
        raise ValueError('Found input variables with inconsistent numbers of samples: [%d, %d, %d]' % (n, n, len(w)))
    return w


def accuracy_score(y_true, y_pred, *, normalize=True, sample_weight=None):
    _, y_true, y_pred = check_targets(y_true, y_pred)
    score = np.array([a == b for a, b in zip(y_true.tolist(), y_pred.tolist())], dtype=bool)
    weights = _weights(sample_weight, len(score))
    if normalize:
        return np.average(score, weights=weights)
    if weights is not None:
        return np.dot(score, weights)
    return score.sum()


def _encode(values, labels):
    index = {label: i for i, label in enumerate(labels)}
    return [index.get(v, -1) for v in values]


def confusion_matrix(y_true, y_pred, *, labels=None, sample_weight=None, normalize=None):
    _, y_true, y_pred = check_targets(y_true, y_pred)
    if labels is None:
        labels = unique_labels(y_true, y_pred)
    else:
        labels = as_array(labels)
        if labels.size == 0:
            raise ValueError("'labels' should contains at least one label.")
        if not set(labels.tolist()) & set(y_true.tolist()) and len(y_true):
            raise ValueError('At least one label specified must be in y_true')
    if normalize not in ['true', 'pred', 'all', None]:
        raise ValueError("normalize must be one of {'true', 'pred', 'all', None}")
    n = len(labels)
    label_list = labels.tolist()
    weights = _weights(sample_weight, len(y_true))
    cells = [[0] * n for _ in range(n)]
    for k, (t, p) in enumerate(zip(_encode(y_true.tolist(), label_list), _encode(y_pred.tolist(), label_list))):
        if t >= 0 and p >= 0:
            cells[t][p] += 1 if weights is None else float(weights[k])
    cm = np.array(cells, dtype=np.int64 if weights is None else np.float64)
    with np.errstate(all='ignore'):
        if normalize == 'true':
            cm = cm / cm.sum(axis=1, keepdims=True)
        elif normalize == 'pred':
            cm = cm / cm.sum(axis=0, keepdims=True)
        elif normalize == 'all':
            cm = cm / cm.sum()
        if normalize is not None:
            cm = np.nan_to_num(cm)
    return cm


def _warn_prf(average, modifier, msg_start, result_size):
    msg = '{0} ill-defined and being set to 0.0 {{0}} no {1} samples. Use `zero_division` parameter to control this behavior.'.format(
        msg_start, modifier
    )
    msg = msg.format('due to') if result_size == 1 else msg.format('in labels with')
    # Shown at the line calling _warn_prf, as scikit-learn shows it.
    warnings.warn(msg, UndefinedMetricWarning, stacklevel=2)


def _prf_divide(numerator, denominator, metric, modifier, average, warn_for, zero_division):
    mask = denominator == 0
    denominator = denominator.copy()
    denominator[mask] = 1
    result = numerator / denominator
    if not bool(np.any(mask)):
        return result
    result[mask] = 0.0 if zero_division in ('warn', 0) else 1.0
    if zero_division != 'warn' or metric not in warn_for:
        return result
    if 'f-score' in warn_for:
        msg_start = '{0} and F-score are'.format(metric.title())
    else:
        msg_start = '{0} is'.format(metric.title())
    _warn_prf(average, modifier, msg_start, len(result))
    return result


def _set_wise_labels(kind, y_true, y_pred, average, labels, pos_label):
    average_options = (None, 'micro', 'macro', 'weighted', 'samples')
    if average not in average_options and average != 'binary':
        raise ValueError('average has to be one of ' + str(average_options))
    present = unique_labels(y_true, y_pred).tolist()
    if average == 'binary':
        if kind == 'binary':
            if pos_label not in present and len(present) >= 2:
                raise ValueError(f'pos_label={pos_label} is not a valid label. It should be one of {present}')
            return [pos_label]
        raise ValueError(
            "Target is %s but average='binary'. Please choose another average setting, one of %r."
            % (kind, [None, 'micro', 'macro', 'weighted'])
        )
    if pos_label not in (None, 1):
        warnings.warn(
            "Note that pos_label (set to %r) is ignored when average != 'binary' (got %r). You may use "
            'labels=[pos_label] to specify a single positive class.' % (pos_label, average),
            UserWarning,
            stacklevel=3,
        )
    return labels


def precision_recall_fscore_support(
    y_true,
    y_pred,
    *,
    beta=1.0,
    labels=None,
    pos_label=1,
    average=None,
    warn_for=('precision', 'recall', 'f-score'),
    sample_weight=None,
    zero_division='warn',
):
    if zero_division not in ('warn', 0, 1):
        raise ValueError('zero_division should be either "warn", 0 or 1')
    if beta < 0:
        raise ValueError('beta should be >=0 in the F-beta score')
    if average == 'samples':
        raise unsupported("average='samples'", 'it needs multilabel targets')
    kind, y_true, y_pred = check_targets(y_true, y_pred)
    labels = _set_wise_labels(kind, y_true, y_pred, average, labels, pos_label)
    if labels is None:
        labels = unique_labels(y_true, y_pred).tolist()
    else:
        # Only the labels asked for, in their order (scikit-learn counts the others too, then drops them).
        labels = as_array(labels).tolist() if not isinstance(labels, list) else list(labels)
    weights = _weights(sample_weight, len(y_true))
    true_list, pred_list = y_true.tolist(), y_pred.tolist()
    index = {label: i for i, label in enumerate(labels)}
    n = len(labels)
    tp, pred, true = [0] * n, [0] * n, [0] * n
    for k, (t, p) in enumerate(zip(true_list, pred_list)):
        w = 1 if weights is None else float(weights[k])
        if p in index:
            pred[index[p]] += w
        if t in index:
            true[index[t]] += w
            if t == p:
                tp[index[t]] += w
    dtype = np.int64 if weights is None else np.float64
    tp_sum, pred_sum, true_sum = (np.array(v, dtype=dtype) for v in (tp, pred, true))
    if average == 'micro':
        tp_sum, pred_sum, true_sum = (np.array([v.sum()]) for v in (tp_sum, pred_sum, true_sum))
    beta2 = beta**2
    precision = _prf_divide(tp_sum, pred_sum, 'precision', 'predicted', average, warn_for, zero_division)
    recall = _prf_divide(tp_sum, true_sum, 'recall', 'true', average, warn_for, zero_division)
    if zero_division == 'warn' and ('f-score',) == tuple(warn_for):
        if bool((pred_sum[true_sum == 0] == 0).any()):
            _warn_prf(average, 'true nor predicted', 'F-score is', len(true_sum))
    if beta == float("inf"):
        f_score = recall
    else:
        denom = beta2 * precision + recall
        denom[denom == 0.0] = 1
        f_score = (1 + beta2) * precision * recall / denom
    avg_weights = None
    if average == 'weighted':
        avg_weights = true_sum
        if avg_weights.sum() == 0:
            zero_value = np.float64(0.0) if zero_division in ('warn', 0) else np.float64(1.0)
            if pred_sum.sum() == 0:
                return zero_value, zero_value, zero_value, None
            return np.float64(0.0), zero_value, np.float64(0.0), None
    if average is not None:
        precision = np.average(precision, weights=avg_weights)
        recall = np.average(recall, weights=avg_weights)
        f_score = np.average(f_score, weights=avg_weights)
        true_sum = None
    return precision, recall, f_score, true_sum


def _score(which, y_true, y_pred, labels, pos_label, average, sample_weight, zero_division, beta=1.0):
    warn_for = {'precision': ('precision',), 'recall': ('recall',), 'f': ('f-score',)}[which]
    p, r, f, _ = precision_recall_fscore_support(
        y_true,
        y_pred,
        beta=beta,
        labels=labels,
        pos_label=pos_label,
        average=average,
        warn_for=warn_for,
        sample_weight=sample_weight,
        zero_division=zero_division,
    )
    return {'precision': p, 'recall': r, 'f': f}[which]


def precision_score(
    y_true, y_pred, *, labels=None, pos_label=1, average='binary', sample_weight=None, zero_division='warn'
):
    return _score('precision', y_true, y_pred, labels, pos_label, average, sample_weight, zero_division)


def recall_score(
    y_true, y_pred, *, labels=None, pos_label=1, average='binary', sample_weight=None, zero_division='warn'
):
    return _score('recall', y_true, y_pred, labels, pos_label, average, sample_weight, zero_division)


def f1_score(y_true, y_pred, *, labels=None, pos_label=1, average='binary', sample_weight=None, zero_division='warn'):
    return _score('f', y_true, y_pred, labels, pos_label, average, sample_weight, zero_division)


def fbeta_score(
    y_true, y_pred, *, beta, labels=None, pos_label=1, average='binary', sample_weight=None, zero_division='warn'
):
    return _score('f', y_true, y_pred, labels, pos_label, average, sample_weight, zero_division, beta=beta)


def classification_report(
    y_true,
    y_pred,
    *,
    labels=None,
    target_names=None,
    sample_weight=None,
    digits=2,
    output_dict=False,
    zero_division='warn',
):
    kind, y_true, y_pred = check_targets(y_true, y_pred)
    present = unique_labels(y_true, y_pred)
    if labels is None:
        labels = present
        labels_given = False
    else:
        labels = as_array(labels)
        labels_given = True
    micro_is_accuracy = not labels_given or set(labels.tolist()) == set(present.tolist())
    if target_names is not None and len(labels) != len(target_names):
        if labels_given:
            warnings.warn(
                'labels size, {0}, does not match size of target_names, {1}'.format(len(labels), len(target_names)),
                stacklevel=2,
            )
        else:
            raise ValueError(
                'Number of classes, {0}, does not match size of target_names, {1}. Try specifying the labels '
                'parameter'.format(len(labels), len(target_names))
            )
    if target_names is None:
        target_names = ['%s' % label for label in labels]
    headers = ['precision', 'recall', 'f1-score', 'support']
    label_list = labels.tolist()
    p, r, f1, s = precision_recall_fscore_support(
        y_true, y_pred, labels=label_list, average=None, sample_weight=sample_weight, zero_division=zero_division
    )
    rows = list(zip(target_names, p.tolist(), r.tolist(), f1.tolist(), s.tolist()))
    if output_dict:
        report = {str(row[0]): dict(zip(headers, row[1:])) for row in rows}
    else:
        width = max(max(len(str(name)) for name in target_names), len('weighted avg'), digits)
        report = ('{:>{width}s} ' + ' {:>9}' * len(headers)).format('', *headers, width=width) + '\n\n'
        row_fmt = '{:>{width}s} ' + ' {:>9.{digits}f}' * 3 + ' {:>9}\n'
        for row in rows:
            report += row_fmt.format(str(row[0]), *row[1:], width=width, digits=digits)
        report += '\n'
    for average in ('micro', 'macro', 'weighted'):
        heading = 'accuracy' if average == 'micro' and micro_is_accuracy else average + ' avg'
        avg_p, avg_r, avg_f1, _ = precision_recall_fscore_support(
            y_true,
            y_pred,
            labels=label_list,
            average=average,
            sample_weight=sample_weight,
            zero_division=zero_division,
        )
        total = np.sum(s)
        avg = [float(avg_p), float(avg_r), float(avg_f1), total.item() if hasattr(total, 'item') else total]
        if output_dict:
            report[heading] = dict(zip(headers, avg))
        elif heading == 'accuracy':
            fmt = '{:>{width}s} ' + ' {:>9.{digits}}' * 2 + ' {:>9.{digits}f}' + ' {:>9}\n'
            report += fmt.format(heading, '', '', *avg[2:], width=width, digits=digits)
        else:
            report += row_fmt.format(heading, *avg, width=width, digits=digits)
    if output_dict and 'accuracy' in report:
        report['accuracy'] = report['accuracy']['precision']
    return report
