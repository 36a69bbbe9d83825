"""Toy data generators (make_moons, make_circles, make_blobs, make_classification, make_regression): the
same numpy RandomState calls, in the same order, as scikit-learn 1.2, so a seeded file gets the same data."""

import numpy as np

from ..utils import shuffle as util_shuffle
from ..utils._validation import check_random_state, is_integral, is_real


def _two_counts(n_samples):
    if is_integral(n_samples):
        n_out = int(n_samples) // 2
        return n_out, int(n_samples) - n_out
    try:
        n_out, n_in = n_samples
    except ValueError as e:
        raise ValueError('`n_samples` can be either an int or a two-element tuple.') from e
    return n_out, n_in


def _two_classes(outer_x, inner_x, outer_y, inner_y, n_out, n_in):
    X = np.vstack([np.append(outer_x, inner_x), np.append(outer_y, inner_y)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    return X, y


def make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None):
    n_out, n_in = _two_counts(n_samples)
    generator = check_random_state(random_state)
    X, y = _two_classes(
        np.cos(np.linspace(0, np.pi, n_out)),
        1 - np.cos(np.linspace(0, np.pi, n_in)),
        np.sin(np.linspace(0, np.pi, n_out)),
        1 - np.sin(np.linspace(0, np.pi, n_in)) - 0.5,
        n_out,
        n_in,
    )
    if shuffle:
        X, y = util_shuffle(X, y, random_state=generator)
    if noise is not None:
        X += generator.normal(scale=noise, size=X.shape)
    return X, y


def make_circles(n_samples=100, *, shuffle=True, noise=None, random_state=None, factor=0.8):
    if factor >= 1 or factor < 0:
        raise ValueError("'factor' has to be between 0 and 1.")
    n_out, n_in = _two_counts(n_samples)
    generator = check_random_state(random_state)
    angles_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    angles_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X, y = _two_classes(
        np.cos(angles_out), np.cos(angles_in) * factor, np.sin(angles_out), np.sin(angles_in) * factor, n_out, n_in
    )
    if shuffle:
        X, y = util_shuffle(X, y, random_state=generator)
    if noise is not None:
        X += generator.normal(scale=noise, size=X.shape)
    return X, y


def _as_numeric(centers):
    # scikit-learn's check_array keeps integer centers integers (return_centers=True prints [[0 0] ...]).
    centers = np.asarray(centers)
    return centers if centers.dtype.kind in 'iuf' else centers.astype(np.float64)


def make_blobs(
    n_samples=100,
    n_features=2,
    *,
    centers=None,
    cluster_std=1.0,
    center_box=(-10.0, 10.0),
    shuffle=True,
    random_state=None,
    return_centers=False,
):
    generator = check_random_state(random_state)
    if is_integral(n_samples):
        if centers is None:
            centers = 3
        if is_integral(centers):
            n_centers = int(centers)
            centers = generator.uniform(center_box[0], center_box[1], size=(n_centers, n_features))
        else:
            centers = _as_numeric(centers)
            n_centers, n_features = centers.shape
    else:
        n_centers = len(n_samples)
        if centers is None:
            centers = generator.uniform(center_box[0], center_box[1], size=(n_centers, n_features))
        if len(centers) != n_centers:
            raise ValueError(
                'Length of `n_samples` not consistent with number of centers. '
                f'Got n_samples = {n_samples} and centers = {centers}'
            )
        centers = _as_numeric(centers)
        n_features = centers.shape[1]
    if hasattr(cluster_std, '__len__') and len(cluster_std) != n_centers:
        raise ValueError(
            'Length of `clusters_std` not consistent with number of centers. '
            'Got centers = {} and cluster_std = {}'.format(centers, cluster_std)
        )
    if is_real(cluster_std):
        cluster_std = np.full(len(centers), cluster_std)
    if is_integral(n_samples):
        per_center = [int(n_samples) // n_centers] * n_centers
        for i in range(int(n_samples) % n_centers):
            per_center[i] += 1
    else:
        per_center = list(n_samples)
    total = sum(per_center)
    X = np.empty((total, n_features), dtype=np.float64)
    y = np.empty((total,), dtype=int)
    start = 0
    for i, (n, std) in enumerate(zip(per_center, cluster_std)):
        X[start : start + n] = generator.normal(loc=centers[i], scale=std, size=(n, n_features))
        y[start : start + n] = i
        start += n
    if shuffle:
        X, y = util_shuffle(X, y, random_state=generator)
    if return_centers:
        return X, y, centers
    return X, y


def _sample_without_replacement(n_population, n_samples, rng):
    """scikit-learn's sample_without_replacement(method='auto'): a permutation's head for mid-range ratios,
    else tracking selection (few samples) or reservoir sampling (nearly all)."""
    ratio = n_samples / n_population if n_population != 0 else 1.0
    if 0.01 < ratio < 0.99:
        return rng.permutation(n_population)[:n_samples]
    if ratio < 0.2:
        selected = set()
        out = []
        for _ in range(n_samples):
            j = int(rng.randint(n_population))
            while j in selected:
                j = int(rng.randint(n_population))
            selected.add(j)
            out.append(j)
        return out
    out = list(range(n_samples))
    for i in range(n_samples, n_population):
        j = int(rng.randint(0, i + 1))
        if j < n_samples:
            out[j] = i
    return out


def _generate_hypercube(samples, dimensions, rng):
    """Distinct vertices of a hypercube: each drawn number's low `dimensions` bits, most significant first."""
    if dimensions > 30:
        return np.hstack([rng.randint(2, size=(samples, dimensions - 30)), _generate_hypercube(samples, 30, rng)])
    numbers = _sample_without_replacement(2**dimensions, samples, rng)
    rows = [[(int(v) >> (dimensions - 1 - b)) & 1 for b in range(dimensions)] for v in list(numbers)]
    return np.array(rows, dtype=np.uint8).reshape(samples, dimensions)


def make_classification(
    n_samples=100,
    n_features=20,
    *,
    n_informative=2,
    n_redundant=2,
    n_repeated=0,
    n_classes=2,
    n_clusters_per_class=2,
    weights=None,
    flip_y=0.01,
    class_sep=1.0,
    hypercube=True,
    shift=0.0,
    scale=1.0,
    shuffle=True,
    random_state=None,
):
    generator = check_random_state(random_state)
    if n_informative + n_redundant + n_repeated > n_features:
        raise ValueError(
            'Number of informative, redundant and repeated features must sum to less than the number of total features'
        )
    if 2**n_informative < n_classes * n_clusters_per_class:
        raise ValueError(
            'n_classes({}) * n_clusters_per_class({}) must be smaller or equal 2**n_informative({})={}'.format(
                n_classes, n_clusters_per_class, n_informative, 2**n_informative
            )
        )
    if weights is not None:
        weights = list(weights)
        if len(weights) not in [n_classes, n_classes - 1]:
            raise ValueError('Weights specified but incompatible with number of classes.')
        if len(weights) == n_classes - 1:
            weights = weights + [1.0 - sum(weights)]
    else:
        weights = [1.0 / n_classes] * n_classes
    n_useless = n_features - n_informative - n_redundant - n_repeated
    n_clusters = n_classes * n_clusters_per_class
    per_cluster = [int(n_samples * weights[k % n_classes] / n_clusters_per_class) for k in range(n_clusters)]
    for i in range(n_samples - sum(per_cluster)):
        per_cluster[i % n_clusters] += 1
    X = np.zeros((n_samples, n_features))
    y = np.zeros(n_samples, dtype=int)
    centroids = _generate_hypercube(n_clusters, n_informative, generator).astype(float)
    centroids *= 2 * class_sep
    centroids -= class_sep
    if not hypercube:
        centroids *= generator.uniform(size=(n_clusters, 1))
        centroids *= generator.uniform(size=(1, n_informative))
    X[:, :n_informative] = generator.standard_normal(size=(n_samples, n_informative))
    stop = 0
    for k in range(n_clusters):
        start, stop = stop, stop + per_cluster[k]
        y[start:stop] = k % n_classes
        A = 2 * generator.uniform(size=(n_informative, n_informative)) - 1
        X[start:stop, :n_informative] = np.dot(X[start:stop, :n_informative], A) + centroids[k]
    if n_redundant > 0:
        B = 2 * generator.uniform(size=(n_informative, n_redundant)) - 1
        X[:, n_informative : n_informative + n_redundant] = np.dot(X[:, :n_informative], B)
    if n_repeated > 0:
        n = n_informative + n_redundant
        indices = ((n - 1) * generator.uniform(size=n_repeated) + 0.5).astype(np.intp)
        X[:, n : n + n_repeated] = X[:, indices]
    if n_useless > 0:
        X[:, n_features - n_useless :] = generator.standard_normal(size=(n_samples, n_useless))
    if flip_y >= 0.0:
        flip_mask = generator.uniform(size=n_samples) < flip_y
        y[flip_mask] = generator.randint(n_classes, size=int(flip_mask.sum()))
    if shift is None:
        shift = (2 * generator.uniform(size=n_features) - 1) * class_sep
    X += shift
    if scale is None:
        scale = 1 + 100 * generator.uniform(size=n_features)
    X *= scale
    if shuffle:
        X, y = util_shuffle(X, y, random_state=generator)
        indices = np.arange(n_features)
        generator.shuffle(indices)
        X[:, :] = X[:, indices]
    return X, y


def make_regression(
    n_samples=100,
    n_features=100,
    *,
    n_informative=10,
    n_targets=1,
    bias=0.0,
    effective_rank=None,
    tail_strength=0.5,
    noise=0.0,
    shuffle=True,
    coef=False,
    random_state=None,
):
    from .._unsupported import unsupported

    n_informative = min(n_features, n_informative)
    generator = check_random_state(random_state)
    if effective_rank is not None:
        raise unsupported('make_regression(effective_rank=...)', 'leave effective_rank=None')
    X = generator.standard_normal(size=(n_samples, n_features))
    ground_truth = np.zeros((n_features, n_targets))
    ground_truth[:n_informative, :] = 100 * generator.uniform(size=(n_informative, n_targets))
    y = np.dot(X, ground_truth) + bias
    if noise > 0.0:
        y += generator.normal(scale=noise, size=y.shape)
    if shuffle:
        X, y = util_shuffle(X, y, random_state=generator)
        indices = np.arange(n_features)
        generator.shuffle(indices)
        X[:, :] = X[:, indices]
        ground_truth = ground_truth[indices]
    y = np.squeeze(y)
    if coef:
        return X, y, np.squeeze(ground_truth)
    return X, y
