# Backprop Lens' pandas subset against pandas 1.5.3: read_csv from a file the script wrote and from
# io.StringIO (column types, missing-value markers, quoting, sep, header=None, names, index_col, usecols,
# nrows), to_csv to a file and to a string, and a read-back round trip.
import io
import os
import tempfile

import numpy as np
import pandas as pd

csv_text = """Id,MSSubClass,LotFrontage,Street,Alley,SalePrice,Good
1,60,65.0,Pave,,208500,True
2,20,80.0,Pave,Grvl,181500,False
3,60,,Grvl,NA,223500,True
4,70,60.0,Pave,Pave,140000,False
5,60,84.0,Pave,,250000,True
"""
train = pd.read_csv(io.StringIO(csv_text))
print(train)
print(train.dtypes)
print(train.iloc[0:4, [0, 1, 2, 3, -3, -2, -1]])
print(train.SalePrice.values.reshape(-1, 1)[:3])
print(train['Street'].value_counts())
print(train.describe())

folder = tempfile.mkdtemp()
path = os.path.join(folder, 'data.csv')
frame = pd.DataFrame({'x1': np.linspace(0, 1, 6), 'x2': np.arange(6) ** 2, 'label': ['a', 'b', 'a', 'c', 'b', 'a'],
                      'flag': [True, False, True, True, False, False]})
frame.to_csv(path, index=False)
with open(path) as f:
    print(f.read())
back = pd.read_csv(path)
print(back)
print(back.dtypes)
print((back['x1'] - frame['x1']).abs().max(), back.columns.equals(frame.columns))
frame.to_csv(path)
print(pd.read_csv(path))
indexed = pd.read_csv(path, index_col=0)
print(indexed)
print(indexed.index)
print(pd.read_csv(path, usecols=['x1', 'label'], nrows=3))

print(pd.read_csv(io.StringIO('a;b\n1;2\n3;4\n'), sep=';'))
print(pd.read_csv(io.StringIO('1,2\n3,4\n'), header=None))
print(pd.read_csv(io.StringIO('1,2\n3,4\n'), names=['p', 'q']))
quoted = pd.read_csv(io.StringIO('a,b,c\n1,True,"hi, there"\n2,False,NA\n3,True,null\n'))
print(quoted)
print(quoted.dtypes)
print(pd.read_csv(io.StringIO('a,b\n1,x\n,y\n3,\n')))
print(pd.read_csv(io.StringIO('a,a,\n1,2,3\n')))
print(pd.read_csv(io.StringIO('v\n1e3\n-2.5\n.5\n')))

small = pd.DataFrame([[1, 2.5, 'p q'], [3, np.nan, 'r,s']], columns=['i', 'f', 's'])
print(small.to_csv())
print(small.to_csv(index=False, float_format='%.2f'))
print(small.to_csv(sep='\t', na_rep='NA', index=False))
print(pd.Series([0.1, 0.2], name='p').to_csv())
buf = io.StringIO()
small.to_csv(buf, index=False)
print(repr(buf.getvalue()))
os.remove(path)
os.rmdir(folder)
