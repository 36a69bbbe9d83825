// Our scikit-learn subset through the CLI, where conformance files cannot reach: `import sklearn` works (it is
// no longer refused by the import guard), scikit-learn's modules and names we lack are each a
// NotImplementedError naming them and what the subset has (a missing module is also an ImportError, so a
// file's `except ImportError:` fallback runs), and names scikit-learn does not have stay AttributeErrors. Its
// numbers are checked against real scikit-learn by test/numpy/sklearn_*.py and the conformance files
// sklearn_*.py. Uses the built dist/: run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliFileRunner, raisedBy } from './cli-helpers';

const run = cliFileRunner('bl-sk-', 'learn.py');

/** Runs each statement and maps its label to `<exception type> <is ImportError>: <message>` for what it raises. */
const raised = (cases: Record<string, string>) =>
  raisedBy(run, 'import sklearn', cases, "type(e).__name__ + ' ' + str(isinstance(e, ImportError)) + ': ' + str(e)");

test('import sklearn works, with its version and the submodules a learner imports', () => {
  const out = run(
    [
      'import sklearn',
      'from sklearn.datasets import make_moons',
      'from sklearn.model_selection import train_test_split',
      'from sklearn.preprocessing import StandardScaler',
      'from sklearn.metrics import accuracy_score',
      'from sklearn.utils import shuffle',
      'from sklearn.linear_model import LogisticRegression',
      'from sklearn.neighbors import KNeighborsClassifier',
      'print(sklearn.__version__, make_moons.__name__, sklearn.metrics.r2_score.__name__)',
      'print(LogisticRegression(C=0.5), KNeighborsClassifier(n_neighbors=3), sklearn.clone(LogisticRegression()))',
    ].join('\n') + '\n',
  );
  assert.equal(out.status, 0, out.stderr);
  assert.equal(
    out.stdout,
    '1.2.1 make_moons r2_score\nLogisticRegression(C=0.5) KNeighborsClassifier(n_neighbors=3) LogisticRegression()\n',
  );
});

test("scikit-learn's modules and names we lack: a NotImplementedError naming them and what the subset has", () => {
  const got = raised({
    module: 'from sklearn.tree import DecisionTreeClassifier',
    estimator: 'from sklearn.linear_model import Lasso',
    moduleImport: 'import sklearn.svm',
    moduleAttr: 'sklearn.ensemble',
    name: 'from sklearn.datasets import fetch_openml',
    attr: 'sklearn.preprocessing.SplineTransformer',
    metric: 'from sklearn.metrics import hinge_loss',
    split: 'from sklearn.model_selection import GridSearchCV',
    loader: 'sklearn.datasets.load_linnerud()',
  });
  const hint =
    / Backprop Lens' scikit-learn subset has sklearn\.datasets \(make_moons, .*train other models with torch/;
  const expect: Record<string, RegExp> = {
    module: /^NotImplementedError True: The module sklearn\.tree is not supported by Backprop Lens\./,
    estimator: /^NotImplementedError False: sklearn\.linear_model\.Lasso is not supported by Backprop Lens\./,
    moduleImport: /^NotImplementedError True: The module sklearn\.svm is not supported by Backprop Lens\./,
    moduleAttr: /^NotImplementedError True: The module sklearn\.ensemble is not supported by Backprop Lens\./,
    name: /^NotImplementedError False: sklearn\.datasets\.fetch_openml is not supported by Backprop Lens\./,
    attr: /^NotImplementedError False: sklearn\.preprocessing\.SplineTransformer is not supported by Backprop Lens\./,
    metric: /^NotImplementedError False: sklearn\.metrics\.hinge_loss is not supported by Backprop Lens\./,
    split: /^NotImplementedError False: sklearn\.model_selection\.GridSearchCV is not supported/,
    loader: /^NotImplementedError False: sklearn\.datasets\.load_linnerud is not supported by Backprop Lens\./,
  };
  for (const [label, pattern] of Object.entries(expect)) {
    const line = got.get(label) ?? '(nothing printed)';
    assert.match(line, pattern, label);
    assert.match(line, hint, label);
  }
});

test('names scikit-learn does not have either stay what Python says: AttributeError, ModuleNotFoundError', () => {
  const got = raised({
    typo: 'sklearn.datasets.make_moon',
    module: 'import sklearn.no_such_module',
    hasattr: "assert not hasattr(sklearn.datasets, 'make_moon') and hasattr(sklearn.datasets, 'make_moons')",
  });
  assert.equal(got.get('typo'), "AttributeError False: module 'sklearn.datasets' has no attribute 'make_moon'");
  assert.equal(got.get('module'), "ModuleNotFoundError True: No module named 'sklearn.no_such_module'");
  assert.equal(got.get('hasattr'), 'no error');
});
