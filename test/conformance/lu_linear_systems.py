# Linear systems as a numerical-methods course solves them: Gaussian elimination with partial pivoting by
# hand beside torch.linalg.lu_factor (packed factors, 1-based pivots), torch.linalg.lu's P, L, U, one
# factorization reused for several right-hand sides with lu_solve (left, adjoint, right), the determinant
# from U's diagonal and the pivots' parity, the inverse column by column, lu_factor_ex's info on a singular
# matrix and lu_factor's error; a symmetric positive-definite system by Cholesky (cholesky_solve,
# cholesky_inverse); a linear ODE x' = A x solved by the matrix exponential beside Euler steps; and
# gradients through lu_solve, cholesky_solve and matrix_exp.
import torch

torch.manual_seed(0)


def gauss_lu(A):
    """Doolittle elimination with partial pivoting: returns the row order and the packed L\\U."""
    A = A.clone()
    n = A.shape[0]
    perm = list(range(n))
    for k in range(n - 1):
        p = k + int(A[k:, k].abs().argmax())
        if p != k:
            A[[k, p]] = A[[p, k]]
            perm[k], perm[p] = perm[p], perm[k]
        A[k + 1 :, k] /= A[k, k]
        A[k + 1 :, k + 1 :] -= A[k + 1 :, k : k + 1] * A[k : k + 1, k + 1 :]
    return perm, A


A = torch.tensor([[2.0, 1.0, 1.0, 0.0], [4.0, 3.0, 3.0, 1.0], [8.0, 7.0, 9.0, 5.0], [6.0, 7.0, 9.0, 8.0]])
b = torch.tensor([[1.0], [2.0], [3.0], [4.0]])

perm, packed = gauss_lu(A)
print('by hand, row order:', perm)
print(packed)

LU, pivots = torch.linalg.lu_factor(A)
print(LU)
print('pivots:', pivots, pivots.dtype)
print('same factors:', torch.allclose(LU, packed))

P, L, U = torch.linalg.lu(A)
print('P =', P)
print('L =', L)
print('U =', U)
print('P L U == A:', torch.allclose(P @ L @ U, A, atol=1e-6))
print(torch.linalg.lu(A).L.shape, type(torch.linalg.lu_factor(A)).__name__)

x = torch.linalg.lu_solve(LU, pivots, b)
print('x =', x.flatten())
print('matches solve:', torch.allclose(x, torch.linalg.solve(A, b)))

# one factorization, many right-hand sides
B = torch.randn(4, 3)
X = torch.linalg.lu_solve(LU, pivots, B)
print('X =', X)
print('A^T y = B:', torch.allclose(A.T @ torch.linalg.lu_solve(LU, pivots, B, adjoint=True), B, atol=1e-5))
Z = torch.linalg.lu_solve(LU, pivots, B.T, left=False)
print('Z A = B^T:', torch.allclose(Z @ A, B.T, atol=1e-5))

# the determinant: product of U's diagonal, one sign flip per row swap
swaps = (pivots != torch.arange(1, 5, dtype=torch.int32)).sum()
det = (-1) ** swaps.item() * torch.diagonal(LU).prod()
print('swaps:', swaps.item(), 'det:', round(det.item(), 3), 'torch.det:', round(torch.linalg.det(A).item(), 3))

# the inverse, column by column from the identity
Ainv = torch.linalg.lu_solve(LU, pivots, torch.eye(4))
print('inverse:', Ainv.round(decimals=4) + 0.0)
print('matches inv:', torch.allclose(Ainv, torch.linalg.inv(A), atol=1e-5))

# unpacking the compact form
P2, L2, U2 = torch.lu_unpack(LU, pivots)
print('unpacked equal:', torch.equal(P2, P), torch.equal(L2, L), torch.equal(U2, U))

# rectangular factorizations
W = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(torch.linalg.lu(W))
print(torch.linalg.lu_factor(W.T))

# singular systems
S = torch.tensor([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]])
ex = torch.linalg.lu_factor_ex(S)
print(ex)
print('info:', ex.info.item())
try:
    torch.linalg.lu_factor(S)
except RuntimeError as err:
    print('RuntimeError:', err)
batch = torch.stack([torch.eye(3), S, 2 * torch.eye(3)])
print('batched infos:', torch.linalg.lu_factor_ex(batch).info)

# a symmetric positive-definite system through its Cholesky factor
M = torch.randn(4, 4)
K = M @ M.T + 4 * torch.eye(4)
Lc = torch.linalg.cholesky(K)
rhs = torch.randn(4, 2)
sol = torch.cholesky_solve(rhs, Lc)
print('cholesky_solve:', sol)
print('matches solve:', torch.allclose(sol, torch.linalg.solve(K, rhs), atol=1e-5))
print('upper:', torch.allclose(torch.cholesky_solve(rhs, Lc.T, upper=True), sol, atol=1e-6))
Kinv = torch.cholesky_inverse(Lc)
print('cholesky_inverse:', Kinv)
print('matches inv:', torch.allclose(Kinv, torch.linalg.inv(K), atol=1e-5))

# x' = A x: the exact flow exp(t A) x0 against explicit Euler steps
Aode = torch.tensor([[0.0, 1.0], [-2.0, -0.3]])
x0 = torch.tensor([1.0, 0.0])
for t in (0.1, 0.5, 1.0, 3.0):
    print(f't={t}:', torch.linalg.matrix_exp(t * Aode) @ x0)
h, xe = 0.01, x0.clone()
for _ in range(100):
    xe = xe + h * (Aode @ xe)
print('Euler at t=1:', xe)
print('rotation:', torch.matrix_exp(torch.tensor([[0.0, -torch.pi / 3], [torch.pi / 3, 0.0]])))
print('exp(0) = I:', torch.linalg.matrix_exp(torch.zeros(3, 3)))
print('batched:', torch.linalg.matrix_exp(torch.stack([0.2 * Aode, 2.0 * Aode])))

# gradients
A_req = A.clone().requires_grad_()
LU_r, piv_r = torch.linalg.lu_factor(A_req)
y = torch.linalg.lu_solve(LU_r, piv_r, b)
print(LU_r.grad_fn.name(), y.grad_fn.name())
y.sum().backward()
print('d sum(x) / dA:', A_req.grad)

Lr = Lc.clone().requires_grad_()
r = torch.randn(4, 1, requires_grad=True)
s = torch.cholesky_solve(r, Lr)
(s ** 2).sum().backward()
print(s.grad_fn.name())
print('grad L:', Lr.grad)
print('grad rhs:', r.grad.flatten())

T = torch.tensor([[0.1, 0.4], [-0.3, 0.2]], requires_grad=True)
E = torch.linalg.matrix_exp(T)
print(E)
E.trace().backward()
print('d tr(exp T) / dT:', T.grad)

A_req.grad = None
Pq, Lq, Uq = torch.linalg.lu(A_req)
(Lq.sum() + Uq.sum()).backward()
print(Uq.grad_fn.name(), 'grad through L and U:', A_req.grad)
