# Linear regression in closed form as course notebooks write it beside gradient descent: a seeded
# synthetic data set y = X w + b + noise (d2l's synthetic_data), the normal equation with torch.inverse and
# with torch.linalg.solve, torch.linalg.lstsq (its named tuple as the default driver fills it), the
# pseudo-inverse, Cholesky and QR solves, ridge regression, then the same weights found by gradient
# descent; checks with det / slogdet / cond / matrix_rank / norms. Then PCA: centred data, torch.linalg.svd
# (its vectors as LAPACK signs them, then sklearn's svd_flip sign convention), explained variance, eigh of
# the covariance matrix, projection and reconstruction error, torch.svd's V and the gradient of the nuclear
# norm; the errors of a singular solve and of a Cholesky factorization of a matrix that is not
# positive-definite.
import torch

torch.manual_seed(42)


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 100)
print('features:', features[0], '\nlabel:', labels[0])

# design matrix with a column of ones for the bias
Xb = torch.cat([features, torch.ones(len(features), 1)], dim=1)
XtX = Xb.T @ Xb
Xty = Xb.T @ labels

w_inv = torch.inverse(XtX) @ Xty
w_solve = torch.linalg.solve(XtX, Xty)
print('normal equation (inverse):', [round(v, 4) for v in w_inv.flatten().tolist()])
print('normal equation (solve):  ', [round(v, 4) for v in w_solve.flatten().tolist()])

result = torch.linalg.lstsq(Xb, labels)
print(result)
print('lstsq solution:', result.solution.squeeze().round(decimals=4))
print('rank:', result.rank.item(), result.rank.dtype)
gelsd = torch.linalg.lstsq(Xb, labels, driver='gelsd')
print('gelsd residuals:', gelsd.residuals, 'singular values:', gelsd.singular_values)

w_pinv = torch.linalg.pinv(Xb) @ labels
print('pinv:', w_pinv.squeeze())
print('pinverse agrees:', torch.allclose(torch.pinverse(Xb), torch.linalg.pinv(Xb), atol=1e-6))

L = torch.linalg.cholesky(XtX)
print('L:\n', L)
z = torch.linalg.solve(L, Xty)
w_chol = torch.linalg.solve(L.T, z)
print('cholesky solve:', w_chol.squeeze())
print('L @ L.T == XtX:', torch.allclose(L @ L.T, XtX, rtol=1e-5, atol=1e-3))

Q, R = torch.linalg.qr(Xb)
print('Q:', Q.shape, 'R:\n', R)
w_qr = torch.linalg.solve(R, Q.T @ labels)
print('qr solve:', w_qr.squeeze())
print('Q orthonormal:', torch.allclose(Q.T @ Q, torch.eye(3), atol=1e-5))
print('complete Q:', torch.linalg.qr(Xb, mode='complete').Q.shape)

for lam in [0.0, 1.0, 10.0]:
    w_ridge = torch.linalg.solve(XtX + lam * torch.eye(3), Xty)
    print(f'ridge lambda={lam}:', [round(v, 3) for v in w_ridge.flatten().tolist()])

print('det:', torch.linalg.det(XtX))
sign, logabsdet = torch.linalg.slogdet(XtX)
print('slogdet:', sign, logabsdet, 'logdet:', torch.logdet(XtX))
print('cond:', torch.linalg.cond(Xb), 'rank:', torch.linalg.matrix_rank(Xb))
print('norms:', torch.linalg.matrix_norm(Xb), torch.linalg.matrix_norm(Xb, ord=2), torch.linalg.norm(Xb, 'nuc'))
print('inf / 1 norms:', torch.linalg.norm(XtX, float('inf')), torch.linalg.norm(XtX, 1))

# the same weights by gradient descent
w = torch.zeros(3, 1, requires_grad=True)
lr = 0.1
for epoch in range(200):
    loss = ((Xb @ w - labels) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        w.grad.zero_()
    if epoch % 50 == 0:
        print(f'epoch {epoch + 1}, loss {loss.item():f}')
print('gradient descent:', [round(v, 4) for v in w.detach().flatten().tolist()])
print('matches closed form:', torch.allclose(w.detach(), w_solve, atol=1e-3))

# a loss through the solver: the gradient of the fitted weights' norm with respect to the targets
y = labels.clone().requires_grad_(True)
w_fit = torch.linalg.solve(XtX, Xb.T @ y)
w_fit.norm().backward()
print('d|w|/dy[:3]:', y.grad[:3].flatten(), w_fit.grad_fn.name())

# PCA on correlated 3-D data
torch.manual_seed(0)
latent = torch.randn(60, 2)
mixing = torch.tensor([[2.0, 0.5, 1.0], [0.3, -1.0, 0.8]])
data = latent @ mixing + 0.1 * torch.randn(60, 3)
mean = data.mean(dim=0)
Xc = data - mean

U, S, Vh = torch.linalg.svd(Xc, full_matrices=False)
print('Vh as LAPACK signs it:\n', Vh)
# sklearn's svd_flip: the largest entry of each column of U positive, so the signs do not depend on LAPACK
max_abs_rows = torch.argmax(U.abs(), dim=0)
signs = torch.sign(U[max_abs_rows, torch.arange(U.shape[1])])
U = U * signs
Vh = Vh * signs.unsqueeze(1)
print('singular values:', S)
explained_variance = S**2 / (len(Xc) - 1)
ratio = explained_variance / explained_variance.sum()
print('explained variance:', explained_variance)
print('explained variance ratio:', ratio, 'cumulative:', ratio.cumsum(0))
print('components:\n', Vh)

cov = Xc.T @ Xc / (len(Xc) - 1)
evals, evecs = torch.linalg.eigh(cov)
print('eigenvectors as LAPACK signs them:\n', evecs)
print('eigh eigenvalues (ascending):', evals)
print('same as S^2/(n-1):', torch.allclose(evals.flip(0), explained_variance, rtol=1e-4))
print('eigvalsh:', torch.linalg.eigvalsh(cov))
evecs = evecs.flip(1)
evecs = evecs * torch.sign(evecs[torch.argmax(evecs.abs(), dim=0), torch.arange(3)])
print('top eigenvector |cos| with first component:', (evecs[:, 0] @ Vh[0]).abs().item() > 0.9999)

k = 2
Z = Xc @ Vh[:k].T
print('projected[:4]:\n', Z[:4])
X_rec = Z @ Vh[:k] + mean
print('reconstruction MSE (k=2):', ((data - X_rec) ** 2).mean())
print('svdvals:', torch.linalg.svdvals(Xc))

U2, S2, V2 = torch.svd(Xc)
print('torch.svd shapes:', U2.shape, S2.shape, V2.shape, 'V == Vh.T up to sign:', torch.allclose(V2.abs(), Vh.T.abs(), atol=1e-5))
print('full U:', torch.linalg.svd(Xc).U.shape)

A = Xc[:5].clone().requires_grad_(True)
nuclear = torch.linalg.svdvals(A).sum()
nuclear.backward()
print('nuclear norm:', nuclear, 'grad:\n', A.grad)

print('matrix_power:', torch.linalg.matrix_power(cov, 3))
print('multi_dot:', torch.linalg.multi_dot([Xc[:2], cov, Xc[:2].T]))

try:
    torch.linalg.solve(torch.tensor([[1.0, 2.0], [2.0, 4.0]]), torch.tensor([1.0, 2.0]))
except torch.linalg.LinAlgError as e:
    print('LinAlgError:', e, isinstance(e, RuntimeError))
try:
    torch.linalg.cholesky(torch.tensor([[1.0, 2.0], [2.0, 1.0]]))
except RuntimeError as e:
    print('RuntimeError:', e)
