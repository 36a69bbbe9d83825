"""What to use instead of a PyTorch name we do not have, where there is an obvious answer: the hint that
`_unsupported.unsupported` puts in brackets after 'X is not supported by Backprop Lens'. None: no hint."""

_SPARSE_QUANTIZED = (
    'sparse and quantized tensors do not exist here: every tensor is a dense CPU tensor, use it as it is'
)
_STORAGE = 'tensors live in the engine, not in a storage Python can reach: use .clone() to copy values'
_LINALG = (
    'of linear algebra, torch.linalg.norm/vector_norm/matrix_norm, matmul (@), mm, bmm, dot, outer, diag, '
    'trace, tril, triu, inverse (linalg.inv), det, slogdet, solve, lstsq, pinv, cholesky, cholesky_solve, '
    'cholesky_inverse, qr, eigh, svd, lu_factor, lu, lu_solve, lu_unpack, matrix_exp, matrix_rank, matrix_power, '
    'multi_dot and cond are supported'
)
_COMPLEX = 'complex tensors are not supported: tensors are real (float, integer or bool)'

_LINALG_WORDS = {
    'cholesky', 'svd', 'svdvals', 'qr', 'lu', 'eig', 'eigh', 'eigvals', 'eigvalsh', 'symeig', 'solve', 'inverse',
    'inv', 'pinverse', 'pinv', 'det', 'logdet', 'slogdet', 'lstsq', 'matrix', 'orgqr', 'ormqr', 'geqrf',
    'triangular', 'householder', 'ldl', 'tensorinv', 'tensorsolve', 'multi', 'cond',
}  # fmt: skip
_SPARSE_NAMES = {'indices', 'values', 'crow_indices', 'col_indices', 'ccol_indices', 'row_indices', 'coalesce'}
_SPARSE_NAMES |= {'is_coalesced', 'to_dense', 'dense_dim', 'sparse_dim', 'int_repr', 'dequantize', 'qscheme'}
_STORAGE_NAMES = {'data_ptr', 'set_', 'record_stream', 'pin_memory', 'is_pinned', 'is_shared', 'is_set_to'}


def _by_word(name):
    """The hint that a name's words call for (a sparse, quantized, storage, linear algebra or complex name)."""
    if name in _SPARSE_NAMES or 'sparse' in name or name.startswith(('q_', 'qint', 'quint', 'quantiz')):
        return _SPARSE_QUANTIZED
    if name in _STORAGE_NAMES or 'storage' in name.lower() or name.startswith(('resize', 'as_strided')):
        return _STORAGE
    if name.split('_')[0] in _LINALG_WORDS:
        return _LINALG
    if (
        name.startswith(('complex', 'view_as_', 'polar', 'angle', 'imag', 'cfloat', 'cdouble', 'chalf'))
        or 'conj' in name
    ):
        return _COMPLEX
    return None


_TENSOR = {
    'stft': 'no spectral transforms (torch.fft, stft) here',
    'istft': 'no spectral transforms (torch.fft, stft) here',
    'new': 'use x.new_zeros(size), x.new_empty(size) or torch.tensor(data)',
    'take_along_dim': 'use x.gather(dim, index)',
    'select': 'index it: x[:, i] for x.select(1, i)',
    'volatile': 'use torch.no_grad() instead of Variable(volatile=True), as PyTorch itself says',
}

_TORCH = {
    'torch.fft': 'no spectral transforms here',
    'torch.distributions': 'Categorical, OneHotCategorical, Multinomial, Bernoulli, Normal, Uniform, Exponential, '
    'Laplace, MultivariateNormal, Independent, Gamma, Chi2, Beta and Dirichlet are here; draw others with torch.randn, '
    'torch.rand, torch.randint, torch.multinomial or torch.normal',
    'torch.hub': 'no downloads: define the model in the file',
    'torch.onnx': 'no export to ONNX: save weights with torch.save(model.state_dict(), path)',
    'torch.nn.parallel': 'everything runs on one CPU: nn.DataParallel is here and calls the model itself; use the '
    'model directly',
    'torch.autograd.profiler': 'no profiler here: time a step with time.perf_counter() around it',
    'torch.autograd.profiler_legacy': 'no profiler here: time a step with time.perf_counter() around it',
    'torch.autograd.profiler_util': 'no profiler here: time a step with time.perf_counter() around it',
    'torch.profiler': 'no profiler here: time a step with time.perf_counter() around it',
    'torch.cuda': 'there is no GPU: everything runs on the CPU',
    'functorch': 'no vmap or function transforms here: torch.autograd.functional has jacobian, hessian, vjp, jvp, '
    'hvp and vhp, and torch.autograd.grad gives gradients',
    'torch.autograd.forward_ad': 'no forward-mode AD here: use torch.autograd.functional.jvp(func, inputs, v) for '
    'Jacobian-vector products',
}


def tensor_hint(name, tensor_type):
    """The hint for Tensor.<name>, which PyTorch's Tensor has and ours does not (tensor_type: our Tensor)."""
    if name in _TENSOR:
        return _TENSOR[name]
    if name.endswith('_') and not name.endswith('__') and hasattr(tensor_type, name[:-1]):
        return f"the in-place form is missing: write x = x.{name[:-1]}(...) instead"
    return _by_word(name)


def module_hint(feature):
    """The hint for a name of a torch module (feature: 'torch.fft', 'torch.nn.Conv3d', ...)."""
    if feature in _TORCH:
        return _TORCH[feature]
    parent = feature.rsplit('.', 1)[0]  # torch.distributions.Gamma: the hint of the module we ship in part
    if parent in _TORCH:
        return _TORCH[parent]
    return _by_word(feature.rsplit('.', 1)[-1])
