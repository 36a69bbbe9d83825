# fast.ai "Practical Deep Learning for Coders" 2022 lesson 5, "Linear model and neural net from scratch"
# (fastai/course22 05-linear-model-and-neural-net-from-scratch.ipynb) idioms, on a small generated Titanic-like
# table written to a CSV in a TemporaryDirectory (no Kaggle download): np/torch/pd print options set up front
# (np.set_printoptions(linewidth=140), torch.set_printoptions(linewidth=140, sci_mode=False, edgeitems=7),
# pd.set_option('display.width', 140)), pd.read_csv, df.isna().sum(), modes = df.mode().iloc[0],
# df.fillna(modes, inplace=True), df.describe(include=(np.number)) and df.describe(include=[object]),
# df['Fare'].hist(); and df['LogFare'] = np.log(df['Fare'] + 1), sorted(df.Pclass.unique()),
# pd.get_dummies(df, columns=[...]) and df[added_cols].head(), tensor(df.Survived),
# tensor(df[indep_cols].values, dtype=torch.float), coefficients
# from torch.manual_seed + torch.rand(n) - 0.5, columns scaled by `vals, indices = t.max(dim=0)`,
# (t_indep * coeffs).sum(axis=1), an L1 loss by torch.abs(...).mean(), requires_grad_(), loss.backward(), the
# update coeffs.sub_(coeffs.grad * lr) and coeffs.grad.zero_() under torch.no_grad(), the f"{loss:.3f}" epoch
# line printed with end="; ", dict(zip(cols, coeffs.requires_grad_(False))), accuracy as
# (val_dep.bool() == (preds > 0.5)).float().mean(), torch.sigmoid, the matrix form indeps @ coeffs with
# deps[:, None], a one-hidden-layer net from a tuple of tensors (torch.rand(1)[0] as the constant, F.relu), a
# deep net from lists of layer and constant tensors, and the test-set pass: tst_df.Fare.fillna(0), the same
# cleaning, the predictions tensor assigned as a column and tst_df[['PassengerId', 'Survived']].to_csv(
# index=False). The lesson's fastai RandomSplitter is replaced by a seeded torch.randperm split.
import os
import tempfile

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from torch import tensor

np.set_printoptions(linewidth=140)
torch.set_printoptions(linewidth=140, sci_mode=False, edgeitems=7)
pd.set_option('display.width', 140)


def make_rows(rs, n, first_id, with_label):
    """CSV text for n passengers: survival depends on sex, class, age and fare, so the models can learn it."""
    header = ['PassengerId'] + (['Survived'] if with_label else []) + [
        'Pclass', 'Name', 'Sex', 'Age', 'SibSp', 'Parch', 'Ticket', 'Fare', 'Cabin', 'Embarked']
    lines = [','.join(header)]
    for i in range(n):
        pclass = int(rs.choice([1, 2, 3], p=[0.25, 0.2, 0.55]))
        sex = 'female' if rs.rand() < 0.38 else 'male'
        age = round(float(rs.uniform(1, 70)), 0)
        sibsp = int(rs.choice([0, 1, 2, 3], p=[0.6, 0.25, 0.1, 0.05]))
        parch = int(rs.choice([0, 1, 2], p=[0.7, 0.2, 0.1]))
        fare = round(float(rs.lognormal(3.6 - 0.6 * pclass, 0.7)), 4)
        score = 1.6 * (sex == 'female') - 0.5 * pclass + 0.6 - 0.01 * age + 0.3 * rs.randn()
        age_text = '' if rs.rand() < 0.2 else f'{age:g}'
        cabin = f'{"ABCDE"[rs.randint(0, 5)]}{rs.randint(1, 40)}' if pclass == 1 and rs.rand() < 0.7 else ''
        embarked = '' if rs.rand() < 0.04 else 'SCQ'[rs.choice(3, p=[0.7, 0.2, 0.1])]
        name = f'"Passenger{first_id + i}, {"Mrs." if sex == "female" else "Mr."} Test"'
        cells = [str(first_id + i)] + ([str(int(score > 0))] if with_label else []) + [
            str(pclass), name, sex, age_text, str(sibsp), str(parch), f'T{rs.randint(100, 999)}',
            f'{fare:.4f}', cabin, embarked]
        lines.append(','.join(cells))
    return '\n'.join(lines) + '\n'


rs = np.random.RandomState(5)
with tempfile.TemporaryDirectory() as folder:
    for fname, n, first, labelled in [('train.csv', 90, 1, True), ('test.csv', 20, 91, False)]:
        with open(os.path.join(folder, fname), 'w') as f:
            f.write(make_rows(rs, n, first, labelled))
    df = pd.read_csv(os.path.join(folder, 'train.csv'))
    tst_df = pd.read_csv(os.path.join(folder, 'test.csv'))
print(df.shape)
print(df.head())

# Cleaning: count the holes, fill each with its column's mode.
print(df.isna().sum())
modes = df.mode().iloc[0]
print(modes)
df.fillna(modes, inplace=True)
print(df.isna().sum())
print(df.describe(include=(np.number)))
df['Fare'].hist();  # the long tail that the log evens out (a figure, nothing printed)
df['LogFare'] = np.log(df['Fare'] + 1)
df['LogFare'].hist();
print(df['LogFare'].head())
print(np.log(df['Fare'] + 1).tail(3))
pclasses = sorted(df.Pclass.unique())
print(pclasses)
print(df.describe(include=[object]))
df = pd.get_dummies(df, columns=["Sex", "Pclass", "Embarked"])
print(df.columns)
added_cols = ['Sex_male', 'Sex_female', 'Pclass_1', 'Pclass_2', 'Pclass_3', 'Embarked_C', 'Embarked_Q', 'Embarked_S']
print(df[added_cols].head())

t_dep = tensor(df.Survived)
indep_cols = ['Age', 'SibSp', 'Parch', 'LogFare'] + added_cols
t_indep = tensor(df[indep_cols].values, dtype=torch.float)
print(t_indep)
print(t_indep.shape)

# A linear model by hand.
torch.manual_seed(442)
n_coeff = t_indep.shape[1]
coeffs = torch.rand(n_coeff) - 0.5
print(coeffs)
print((t_indep * coeffs)[:3])
vals, indices = t_indep.max(dim=0)
print(vals, indices)
t_indep = t_indep / vals
print((t_indep * coeffs)[:3])
preds = (t_indep * coeffs).sum(axis=1)
print(preds[:10])
loss = torch.abs(preds - t_dep).mean()
print(loss)


def calc_preds(coeffs, indeps):  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    return (indeps * coeffs).sum(axis=1)


def calc_loss(coeffs, indeps, deps):
    return torch.abs(calc_preds(coeffs, indeps) - deps).mean()


print(coeffs.requires_grad_())
loss = calc_loss(coeffs, t_indep, t_dep)
print(loss)
loss.backward()
print(coeffs.grad)
# A second backward without zeroing adds to .grad: the lesson shows the doubled gradient.
loss = calc_loss(coeffs, t_indep, t_dep)
loss.backward()
print(coeffs.grad)
loss = calc_loss(coeffs, t_indep, t_dep)
loss.backward()
with torch.no_grad():
    coeffs.sub_(coeffs.grad * 0.1)
    coeffs.grad.zero_()
    print(calc_loss(coeffs, t_indep, t_dep))

# Training split (in place of fastai's RandomSplitter): 80% / 20% of a seeded permutation.
g = torch.Generator().manual_seed(42)
perm = torch.randperm(len(df), generator=g)
cut = int(len(df) * 0.8)
trn_split, val_split = perm[:cut], perm[cut:]
trn_indep, val_indep = t_indep[trn_split], t_indep[val_split]
trn_dep, val_dep = t_dep[trn_split], t_dep[val_split]
print(len(trn_indep), len(val_indep))


def update_coeffs(coeffs, lr):  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    coeffs.sub_(coeffs.grad * lr)
    coeffs.grad.zero_()


def one_epoch(coeffs, lr):
    loss = calc_loss(coeffs, trn_indep, trn_dep)
    loss.backward()
    with torch.no_grad():
        update_coeffs(coeffs, lr)
    print(f"{loss:.3f}", end="; ")


def init_coeffs():  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    return (torch.rand(n_coeff) - 0.5).requires_grad_()


def train_model(epochs=30, lr=0.01):
    torch.manual_seed(442)
    coeffs = init_coeffs()
    for i in range(epochs):
        one_epoch(coeffs, lr=lr)
    print()
    return coeffs


coeffs = train_model(18, lr=0.2)


def show_coeffs():
    return dict(zip(indep_cols, coeffs.requires_grad_(False)))


print(show_coeffs())
preds = calc_preds(coeffs, val_indep)
results = val_dep.bool() == (preds > 0.5)
print(results[:16])
print(results.float().mean())


def acc(coeffs):
    return (val_dep.bool() == (calc_preds(coeffs, val_indep) > 0.5)).float().mean()


print(acc(coeffs))
print(preds[:12])


# The sigmoid keeps predictions in (0, 1), so a much larger learning rate works.
def calc_preds(coeffs, indeps):  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    return torch.sigmoid((indeps * coeffs).sum(axis=1))


coeffs = train_model(lr=100)
print(acc(coeffs))
print(show_coeffs())

# The test set gets the same cleaning; its missing fare becomes 0 first.
tst_df.loc[3, 'Fare'] = np.nan
tst_df['Fare'] = tst_df.Fare.fillna(0)
tst_df.fillna(modes, inplace=True)
tst_df['LogFare'] = np.log(tst_df['Fare'] + 1)
tst_df = pd.get_dummies(tst_df, columns=["Sex", "Pclass", "Embarked"])
tst_indep = tensor(tst_df[indep_cols].values, dtype=torch.float)
tst_indep = tst_indep / vals
tst_df['Survived'] = (calc_preds(coeffs, tst_indep) > 0.5).int()  # a tensor as the new column
sub_df = tst_df[['PassengerId', 'Survived']]
with tempfile.TemporaryDirectory() as folder:
    sub_df.to_csv(os.path.join(folder, 'sub.csv'), index=False)
    with open(os.path.join(folder, 'sub.csv')) as f:
        print(''.join(f.readlines()[:6]), end='')

# Matrix product: the same predictions as the elementwise sum.
print((val_indep * coeffs).sum(axis=1)[:6])
print((val_indep @ coeffs)[:6])


def calc_preds(coeffs, indeps):  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    return torch.sigmoid(indeps @ coeffs)


def init_coeffs():  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    return (torch.rand(n_coeff, 1) * 0.1).requires_grad_()


trn_dep = trn_dep[:, None]
val_dep = val_dep[:, None]
coeffs = train_model(lr=100)
print(acc(coeffs))


# A neural net: one hidden layer, its weights and constant kept in a tuple.
def init_coeffs(n_hidden=20):  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    layer1 = (torch.rand(n_coeff, n_hidden) - 0.5) / n_hidden
    layer2 = torch.rand(n_hidden, 1) - 0.3
    const = torch.rand(1)[0]
    return layer1.requires_grad_(), layer2.requires_grad_(), const.requires_grad_()


def calc_preds(coeffs, indeps):  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    l1, l2, const = coeffs
    res = F.relu(indeps @ l1)
    res = res @ l2 + const
    return torch.sigmoid(res)


def update_coeffs(coeffs, lr):  # pyright: ignore[reportRedeclaration] (the lesson redefines it)
    for layer in coeffs:
        layer.sub_(layer.grad * lr)
        layer.grad.zero_()


coeffs = train_model(lr=1.4)
coeffs = train_model(lr=20)
print(acc(coeffs))
print(coeffs[2])


# Deep learning: any number of hidden layers, as lists of weight and constant tensors.
def init_coeffs():
    hiddens = [10, 10]
    sizes = [n_coeff] + hiddens + [1]
    n = len(sizes)
    layers = [(torch.rand(sizes[i], sizes[i + 1]) - 0.3) / sizes[i + 1] * 4 for i in range(n - 1)]
    consts = [(torch.rand(1)[0] - 0.5) * 0.1 for i in range(n - 1)]
    for l in layers + consts:
        l.requires_grad_()
    return layers, consts


def calc_preds(coeffs, indeps):
    layers, consts = coeffs
    n = len(layers)
    res = indeps
    for i, l in enumerate(layers):
        res = res @ l + consts[i]
        if i != n - 1:
            res = F.relu(res)
    return torch.sigmoid(res)


def update_coeffs(coeffs, lr):
    layers, consts = coeffs
    for layer in layers + consts:
        layer.sub_(layer.grad * lr)
        layer.grad.zero_()


coeffs = train_model(lr=4)
print(acc(coeffs))
print([tuple(l.shape) for l in coeffs[0]], [c.item() for c in coeffs[1]])
