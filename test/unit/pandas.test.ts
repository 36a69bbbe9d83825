// Our pandas subset through the CLI, where conformance files cannot reach: `import pandas` works (it is no longer
// refused by the import guard), pandas' names and modules we lack are each a NotImplementedError naming them and
// what the subset has (a missing module is also an ImportError, so a file's `except ImportError:` fallback runs),
// what our numpy cannot hold (object arrays) and what the subset does not align (differently labelled operands)
// stop with a NotImplementedError rather than a wrong result, and names pandas does not have stay
// AttributeErrors. Its values and printed text are checked against real pandas by test/numpy/pandas_*.py and
// the conformance files pandas_*.py. Uses the built dist/: run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliFileRunner, raisedBy } from './cli-helpers';

const run = cliFileRunner('bl-pd-', 'frame.py');

/** Runs each statement and maps its label to `<exception type> <is ImportError>: <message>` for what it raises. */
const raised = (cases: Record<string, string>) =>
  raisedBy(
    run,
    "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2], 's': ['x', 'y']})",
    cases,
    "type(e).__name__ + ' ' + str(isinstance(e, ImportError)) + ': ' + str(e)",
  );

const HINT =
  / Backprop Lens' pandas subset has DataFrame and Series .*read_csv, concat, get_dummies, melt, cut, qcut and crosstab/;

test('import pandas works, with its version, and a frame prints as pandas prints it', () => {
  const out = run(
    [
      'import pandas as pd',
      'from pandas import DataFrame, Series, read_csv, concat, get_dummies',
      "df = pd.DataFrame({'a': [1, 2], 'b': [0.5, None], 'c': ['x', 'y']})",
      'print(pd.__version__, DataFrame is pd.DataFrame, Series.__name__, read_csv.__name__)',
      'print(df)',
    ].join('\n') + '\n',
  );
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout, '1.5.3 True Series read_csv\n   a    b  c\n0  1  0.5  x\n1  2  NaN  y\n');
});

test("pandas' names and modules we lack: a NotImplementedError naming them and what the subset has", () => {
  const got = raised({
    wideToLong: "pd.wide_to_long(df, 's', i='a', j='b')",
    fromImport: 'from pandas import pivot_table',
    pivot: "df.pivot_table(index='s')",
    seriesDt: "df['s'].dt.year",
    indexMethod: 'df.columns.union(df.columns)',
    module: 'import pandas.api.types',
    moduleFrom: 'from pandas.core.frame import DataFrame',
  });
  const expect: Record<string, RegExp> = {
    wideToLong: /^NotImplementedError False: pandas\.wide_to_long is not supported by Backprop Lens\./,
    fromImport: /^NotImplementedError False: pandas\.pivot_table is not supported by Backprop Lens\./,
    pivot: /^NotImplementedError False: pandas\.DataFrame\.pivot_table is not supported by Backprop Lens\./,
    seriesDt: /^NotImplementedError False: pandas\.Series\.dt is not supported by Backprop Lens\./,
    indexMethod: /^NotImplementedError False: pandas\.Index\.union is not supported by Backprop Lens\./,
    // Python imports the package first: the error names pandas.api, the module our subset lacks.
    module: /^NotImplementedError True: The module pandas\.api is not supported by Backprop Lens\./,
    moduleFrom: /^NotImplementedError True: The module pandas\.core is not supported by Backprop Lens\./,
  };
  for (const [label, pattern] of Object.entries(expect)) {
    const line = got.get(label) ?? '(nothing printed)';
    assert.match(line, pattern, label);
    assert.match(line, HINT, label);
  }
});

test('what the subset cannot do exactly stops with a NotImplementedError, never a different result', () => {
  const got = raised({
    objectValues: 'df.values',
    objectToNumpy: "df['s'].to_numpy()",
    unaligned: "df['a'] + df['a'].iloc[::-1]",
    frameUnaligned: "df[['a']] + df[['a']].iloc[::-1]",
    nullableInt: "df['a'].astype('Int64')",
    groupbyAgg: "df.groupby('a').agg(['mean', 'max'])",
    groupbyStrings: "df.groupby('a').sum()",
    boolConcat: "pd.concat([pd.DataFrame({'a': [True]}), df[['a']]])",
    // Our printing follows display.width only: other display options may be set to the value they have.
    setOption: "pd.set_option('display.max_columns', None)",
    unknownOption: "pd.set_option('display.max_colwidth', 50); pd.get_option('compute.use_bottleneck')",
  });
  assert.match(got.get('objectValues') ?? '', /^NotImplementedError False: arrays of dtype object .* not supported/);
  assert.match(got.get('objectToNumpy') ?? '', /^NotImplementedError False: arrays of dtype object/);
  assert.match(
    got.get('unaligned') ?? '',
    /^NotImplementedError False: arithmetic between Series with different indexes/,
  );
  assert.match(
    got.get('frameUnaligned') ?? '',
    /^NotImplementedError False: arithmetic between DataFrames with different/,
  );
  // a list of functions over a string column: pandas drops it for some functions and not others, with a warning
  assert.match(
    got.get('groupbyAgg') ?? '',
    /^NotImplementedError False: groupby\(\.\.\.\)\.agg with a list of functions over the column 's' of dtype object/,
  );
  // With no numeric column left, pandas 1.5 joins the strings (sum) or gives an empty frame: ours asks for numeric
  // columns (beside numeric ones, a string column is dropped with pandas' FutureWarning, as in pandas).
  assert.match(
    got.get('groupbyStrings') ?? '',
    /^NotImplementedError False: groupby\(\.\.\.\)\.sum\(\) over a column of dtype object is not supported/,
  );
  // pandas 1.5 gives int64, float64 or object here depending on the case, with a FutureWarning.
  assert.match(got.get('boolConcat') ?? '', /^NotImplementedError False: concat of bool columns with numeric ones/);
  assert.match(got.get('nullableInt') ?? '', /^NotImplementedError False: the pandas dtype 'Int64' is not supported/);
  assert.match(
    got.get('setOption') ?? '',
    /^NotImplementedError False: pd\.set_option\('display\.max_columns', None\) is not supported/,
  );
  assert.match(
    got.get('unknownOption') ?? '',
    /^NotImplementedError False: pandas option 'compute\.use_bottleneck' is not supported/,
  );
});

test('names pandas does not have either stay what Python says: AttributeError, ModuleNotFoundError', () => {
  const got = raised({
    typo: 'pd.read_cvs',
    frameTypo: 'df.hed()',
    seriesTypo: "df['a'].meen()",
    module: 'import pandas.no_such_module',
    column: "assert df.a.tolist() == [1, 2] and not hasattr(df, 'no_such_column')",
  });
  assert.equal(got.get('typo'), "AttributeError False: module 'pandas' has no attribute 'read_cvs'");
  assert.equal(got.get('frameTypo'), "AttributeError False: 'DataFrame' object has no attribute 'hed'");
  assert.equal(got.get('seriesTypo'), "AttributeError False: 'Series' object has no attribute 'meen'");
  assert.equal(got.get('module'), "ModuleNotFoundError True: No module named 'pandas.no_such_module'");
  assert.equal(got.get('column'), 'no error');
});
