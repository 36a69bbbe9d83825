// Engine errors carry the Python exception class in `name` (and never in the message): the shim raises
// that class with the message, so a learner sees `RuntimeError: mat1 and mat2 shapes cannot be ...`.

export type PyErrorKind =
  | 'RuntimeError'
  | 'IndexError'
  | 'ValueError'
  | 'TypeError'
  | 'KeyError'
  | 'AttributeError'
  | 'NotImplementedError'
  // torch.linalg.LinAlgError (torch._C._LinAlgError, a RuntimeError): a factorization that LAPACK reports failed
  | 'LinAlgError';

export function pyError(kind: PyErrorKind, message: string): Error {
  const err = new Error(message);
  err.name = kind;
  return err;
}

export function runtimeError(message: string): Error {
  return pyError('RuntimeError', message);
}
