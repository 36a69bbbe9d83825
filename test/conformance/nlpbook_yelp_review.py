# "Natural Language Processing with PyTorch" (Rao & McMahan; Korean: 파이토치로 배우는 자연어 처리) chapter 3.5
# idioms, the Yelp review sentiment perceptron, on a small generated review table (no download): the munging
# step (a raw CSV read with `pd.read_csv(..., header=None, names=[...])`, rows grouped through `iterrows()` and
# `row.to_dict()` into a `collections.defaultdict(list)`, `np.random.shuffle` per rating, a 'split' key,
# `pd.DataFrame(list_of_dicts)`, `split.value_counts()`, `final_reviews.review = ....apply(preprocess_text)` with
# the two `re.sub` rules, `rating.apply({1: 'negative', 2: 'positive'}.get)`, `to_csv(index=False)`); then a
# `Vocabulary` (token_to_idx / `<UNK>` / `to_serializable` / `from_serializable(cls(**contents))`), a
# `ReviewVectorizer` with a collapsed one-hot `np.zeros(len(vocab), dtype=np.float32)`, `string.punctuation`,
# a `Counter` with a frequency cutoff, a `ReviewDataset(Dataset)` over `df[df.split == 'train']` with
# `set_split`, `iloc[index]`, `row.review` and dict items, `generate_batches` wrapping a shuffled DataLoader with
# `drop_last=True` and `.to(device)`, an `argparse.Namespace` of args with `os.path.join` under a save_dir,
# `ReviewClassifier` (`self.fc1(x_in).squeeze()`), BCEWithLogitsLoss, Adam, `ReduceLROnPlateau(mode='min',
# factor=0.5, patience=1)`, `make_train_state`/`update_train_state` with early stopping and
# `torch.save(model.state_dict(), ...)`, running means `(loss_t - running_loss) / (batch_index + 1)`,
# `compute_accuracy` by `(torch.sigmoid(y_pred) > 0.5).cpu().long()` and `torch.eq(...).sum().item()`, the
# vectorizer saved with `json.dump` and read back, the best model reloaded with `torch.load`, `predict_rating`
# with the deprecated `F.sigmoid(result).item()`,
# and the most influential words by `torch.sort(fc1_weights, dim=0, descending=True)`.
import collections
import json
import os
import re
import string
import tempfile
import warnings
from argparse import Namespace
from collections import Counter

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, Dataset

POSITIVE = ["great", "tasty", "friendly", "love", "amazing", "fresh", "perfect"]
NEGATIVE = ["bad", "cold", "rude", "slow", "awful", "bland", "dirty"]
FILLER = ["The", "food", "was", "service", "and", "place", "staff", "really", "very", "we"]


def make_raw_reviews(rs, n):
    rows = []
    for _ in range(n):
        rating = int(rs.randint(1, 3))
        mood = POSITIVE if rating == 2 else NEGATIVE
        # Words are drawn by index: numpy arrays of strings are outside Backprop Lens' numpy.
        words = [FILLER[i] for i in rs.randint(len(FILLER), size=4)] + [mood[i] for i in rs.randint(len(mood), size=2)]
        # A word of the other mood now and then keeps the task from being trivially separable.
        if rs.rand() < 0.3:
            other = NEGATIVE if rating == 2 else POSITIVE
            words.append(other[rs.randint(len(other))])
        rs.shuffle(words)
        rows.append([rating, " ".join(words) + ["!", ".", "!!", ", ok."][rs.randint(4)]])
    return rows


def preprocess_text(text):
    text = text.lower()
    text = re.sub(r"([.,!?])", r" \1 ", text)
    text = re.sub(r"[^a-zA-Z.,!?]+", r" ", text)
    return text


workdir = tempfile.TemporaryDirectory()
args = Namespace(
    raw_train_dataset_csv=os.path.join(workdir.name, "raw_train.csv"),
    train_proportion=0.7,
    val_proportion=0.15,
    test_proportion=0.15,
    output_munged_csv=os.path.join(workdir.name, "reviews_with_splits_lite.csv"),
    seed=1337,
)
pd.DataFrame(make_raw_reviews(np.random.RandomState(5), 160)).to_csv(args.raw_train_dataset_csv, header=False, index=False)

train_reviews = pd.read_csv(args.raw_train_dataset_csv, header=None, names=["rating", "review"])
print(train_reviews.head(3))
print(train_reviews.rating.value_counts())

by_rating = collections.defaultdict(list)
for _, row in train_reviews.iterrows():
    by_rating[row.rating].append(row.to_dict())
print(sorted(by_rating), [len(v) for _, v in sorted(by_rating.items())])

final_list = []
np.random.seed(args.seed)
for _, item_list in sorted(by_rating.items()):
    np.random.shuffle(item_list)
    n_total = len(item_list)
    n_train = int(args.train_proportion * n_total)
    n_val = int(args.val_proportion * n_total)
    n_test = int(args.test_proportion * n_total)
    for item in item_list[:n_train]:
        item["split"] = "train"
    for item in item_list[n_train:n_train + n_val]:
        item["split"] = "val"
    for item in item_list[n_train + n_val:n_train + n_val + n_test]:
        item["split"] = "test"
    final_list.extend(item_list)

final_reviews = pd.DataFrame(final_list)
print(final_reviews.split.value_counts())
final_reviews.review = final_reviews.review.apply(preprocess_text)
final_reviews["rating"] = final_reviews.rating.apply({1: "negative", 2: "positive"}.get)
print(final_reviews.head())
# Rows beyond the three int() shares have no split (NaN); the book keeps them in the file too.
print(final_reviews.split.isnull().sum())
final_reviews.to_csv(args.output_munged_csv, index=False)


class Vocabulary(object):
    def __init__(self, token_to_idx=None, add_unk=True, unk_token="<UNK>"):
        if token_to_idx is None:
            token_to_idx = {}
        self._token_to_idx = token_to_idx
        self._idx_to_token = {idx: token for token, idx in self._token_to_idx.items()}
        self._add_unk = add_unk
        self._unk_token = unk_token
        self.unk_index = -1
        if add_unk:
            self.unk_index = self.add_token(unk_token)

    def to_serializable(self):
        return {"token_to_idx": self._token_to_idx, "add_unk": self._add_unk, "unk_token": self._unk_token}

    @classmethod
    def from_serializable(cls, contents):
        return cls(**contents)

    def add_token(self, token):
        if token in self._token_to_idx:
            return self._token_to_idx[token]
        index = len(self._token_to_idx)
        self._token_to_idx[token] = index
        self._idx_to_token[index] = token
        return index

    def lookup_token(self, token):
        if self.unk_index >= 0:
            return self._token_to_idx.get(token, self.unk_index)
        return self._token_to_idx[token]

    def lookup_index(self, index):
        if index not in self._idx_to_token:
            raise KeyError("the index (%d) is not in the Vocabulary" % index)
        return self._idx_to_token[index]

    def __str__(self):
        return "<Vocabulary(size=%d)>" % len(self)

    def __len__(self):
        return len(self._token_to_idx)


class ReviewVectorizer(object):
    def __init__(self, review_vocab, rating_vocab):
        self.review_vocab = review_vocab
        self.rating_vocab = rating_vocab

    def vectorize(self, review):
        one_hot = np.zeros(len(self.review_vocab), dtype=np.float32)
        for token in review.split(" "):
            if token not in string.punctuation:
                one_hot[self.review_vocab.lookup_token(token)] = 1
        return one_hot

    @classmethod
    def from_dataframe(cls, review_df, cutoff=3):
        review_vocab = Vocabulary(add_unk=True)
        rating_vocab = Vocabulary(add_unk=False)
        for rating in sorted(set(review_df.rating)):
            rating_vocab.add_token(rating)
        word_counts = Counter()
        for review in review_df.review:
            for word in review.split(" "):
                if word not in string.punctuation:
                    word_counts[word] += 1
        for word, count in word_counts.items():
            if count > cutoff:
                review_vocab.add_token(word)
        return cls(review_vocab, rating_vocab)

    @classmethod
    def from_serializable(cls, contents):
        return cls(review_vocab=Vocabulary.from_serializable(contents["review_vocab"]),
                   rating_vocab=Vocabulary.from_serializable(contents["rating_vocab"]))

    def to_serializable(self):
        return {"review_vocab": self.review_vocab.to_serializable(),
                "rating_vocab": self.rating_vocab.to_serializable()}


class ReviewDataset(Dataset):
    def __init__(self, review_df, vectorizer):
        self.review_df = review_df
        self._vectorizer = vectorizer
        self.train_df = self.review_df[self.review_df.split == "train"]
        self.train_size = len(self.train_df)
        self.val_df = self.review_df[self.review_df.split == "val"]
        self.validation_size = len(self.val_df)
        self.test_df = self.review_df[self.review_df.split == "test"]
        self.test_size = len(self.test_df)
        self._lookup_dict = {"train": (self.train_df, self.train_size),
                             "val": (self.val_df, self.validation_size),
                             "test": (self.test_df, self.test_size)}
        self.set_split("train")

    @classmethod
    def load_dataset_and_make_vectorizer(cls, review_csv, cutoff):
        review_df = pd.read_csv(review_csv)
        train_review_df = review_df[review_df.split == "train"]
        return cls(review_df, ReviewVectorizer.from_dataframe(train_review_df, cutoff))

    @staticmethod
    def load_vectorizer_only(vectorizer_filepath):
        with open(vectorizer_filepath) as fp:
            return ReviewVectorizer.from_serializable(json.load(fp))

    def save_vectorizer(self, vectorizer_filepath):
        with open(vectorizer_filepath, "w") as fp:
            json.dump(self._vectorizer.to_serializable(), fp)

    def get_vectorizer(self):
        return self._vectorizer

    def set_split(self, split="train"):
        self._target_split = split
        self._target_df, self._target_size = self._lookup_dict[split]

    def __len__(self):
        return self._target_size

    def __getitem__(self, index):
        row = self._target_df.iloc[index]
        review_vector = self._vectorizer.vectorize(row.review)
        rating_index = self._vectorizer.rating_vocab.lookup_token(row.rating)
        return {"x_data": review_vector, "y_target": rating_index}

    def get_num_batches(self, batch_size):
        return len(self) // batch_size


def generate_batches(dataset, batch_size, shuffle=True, drop_last=True, device="cpu"):
    dataloader = DataLoader(dataset=dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)
    for data_dict in dataloader:
        out_data_dict = {}
        for name, tensor in data_dict.items():
            out_data_dict[name] = data_dict[name].to(device)
        yield out_data_dict


class ReviewClassifier(nn.Module):
    def __init__(self, num_features):
        super(ReviewClassifier, self).__init__()
        self.fc1 = nn.Linear(in_features=num_features, out_features=1)

    def forward(self, x_in, apply_sigmoid=False):
        y_out = self.fc1(x_in).squeeze()
        if apply_sigmoid:
            y_out = torch.sigmoid(y_out)
        return y_out


def make_train_state(args):
    return {"stop_early": False, "early_stopping_step": 0, "early_stopping_best_val": 1e8,
            "learning_rate": args.learning_rate, "epoch_index": 0, "train_loss": [], "train_acc": [],
            "val_loss": [], "val_acc": [], "test_loss": -1, "test_acc": -1,
            "model_filename": args.model_state_file}


def update_train_state(args, model, train_state):
    if train_state["epoch_index"] == 0:
        torch.save(model.state_dict(), train_state["model_filename"])
        train_state["stop_early"] = False
    elif train_state["epoch_index"] >= 1:
        loss_tm1, loss_t = train_state["val_loss"][-2:]
        if loss_t >= train_state["early_stopping_best_val"]:
            train_state["early_stopping_step"] += 1
        else:
            # The best value is tracked here so that the early-stopping counter can actually grow.
            train_state["early_stopping_best_val"] = loss_t
            torch.save(model.state_dict(), train_state["model_filename"])
            train_state["early_stopping_step"] = 0
        train_state["stop_early"] = train_state["early_stopping_step"] >= args.early_stopping_criteria
    return train_state


def compute_accuracy(y_pred, y_target):
    y_target = y_target.cpu()
    y_pred_indices = (torch.sigmoid(y_pred) > 0.5).cpu().long()
    n_correct = torch.eq(y_pred_indices, y_target).sum().item()
    return n_correct / len(y_pred_indices) * 100


args = Namespace(
    frequency_cutoff=3,
    model_state_file="model.pth",
    review_csv=args.output_munged_csv,
    save_dir=os.path.join(workdir.name, "model_storage", "ch3", "yelp"),
    vectorizer_file="vectorizer.json",
    batch_size=16,
    early_stopping_criteria=3,
    learning_rate=0.01,
    num_epochs=25,
    seed=1337,
    cuda=True,
    expand_filepaths_to_save_dir=True,
)
if args.expand_filepaths_to_save_dir:
    args.vectorizer_file = os.path.join(args.save_dir, args.vectorizer_file)
    args.model_state_file = os.path.join(args.save_dir, args.model_state_file)
    # The book prints the expanded paths; only their tails are stable here.
    print("Expanded filepaths: ")
    print("\t{}".format(os.path.relpath(args.vectorizer_file, workdir.name)))
    print("\t{}".format(os.path.relpath(args.model_state_file, workdir.name)))
if not torch.cuda.is_available():
    args.cuda = False
print("Using CUDA: {}".format(args.cuda))
args.device = torch.device("cuda" if args.cuda else "cpu")
np.random.seed(args.seed)
torch.manual_seed(args.seed)
if not os.path.exists(args.save_dir):
    os.makedirs(args.save_dir)

print("Loading dataset and creating vectorizer")
dataset = ReviewDataset.load_dataset_and_make_vectorizer(args.review_csv, args.frequency_cutoff)
dataset.save_vectorizer(args.vectorizer_file)
vectorizer = dataset.get_vectorizer()
print(vectorizer.review_vocab, vectorizer.rating_vocab)
print(sorted(vectorizer.review_vocab._token_to_idx.items(), key=lambda kv: kv[1])[:6])
print(len(dataset), dataset.get_num_batches(args.batch_size))
first = dataset[0]
print(first["x_data"].dtype, first["x_data"].shape, first["x_data"].sum(), first["y_target"])

classifier = ReviewClassifier(num_features=len(vectorizer.review_vocab))
classifier = classifier.to(args.device)
loss_func = nn.BCEWithLogitsLoss()
optimizer = optim.Adam(classifier.parameters(), lr=args.learning_rate)
scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer=optimizer, mode="min", factor=0.5, patience=1)
train_state = make_train_state(args)

for epoch_index in range(args.num_epochs):
    train_state["epoch_index"] = epoch_index
    dataset.set_split("train")
    batch_generator = generate_batches(dataset, batch_size=args.batch_size, device=args.device)
    running_loss = 0.0
    running_acc = 0.0
    classifier.train()
    for batch_index, batch_dict in enumerate(batch_generator):
        optimizer.zero_grad()
        y_pred = classifier(x_in=batch_dict["x_data"].float())
        loss = loss_func(y_pred, batch_dict["y_target"].float())
        loss_t = loss.item()
        running_loss += (loss_t - running_loss) / (batch_index + 1)
        loss.backward()
        optimizer.step()
        acc_t = compute_accuracy(y_pred, batch_dict["y_target"])
        running_acc += (acc_t - running_acc) / (batch_index + 1)
    train_state["train_loss"].append(running_loss)
    train_state["train_acc"].append(running_acc)

    dataset.set_split("val")
    batch_generator = generate_batches(dataset, batch_size=args.batch_size, device=args.device)
    running_loss = 0.
    running_acc = 0.
    classifier.eval()
    for batch_index, batch_dict in enumerate(batch_generator):
        y_pred = classifier(x_in=batch_dict["x_data"].float())
        loss = loss_func(y_pred, batch_dict["y_target"].float())
        running_loss += (loss.item() - running_loss) / (batch_index + 1)
        acc_t = compute_accuracy(y_pred, batch_dict["y_target"])
        running_acc += (acc_t - running_acc) / (batch_index + 1)
    train_state["val_loss"].append(running_loss)
    train_state["val_acc"].append(running_acc)

    train_state = update_train_state(args=args, model=classifier, train_state=train_state)
    scheduler.step(train_state["val_loss"][-1])
    print("epoch {:2d} train {:.4f} {:.1f} val {:.4f} {:.1f} lr {} step {}".format(
        epoch_index, train_state["train_loss"][-1], train_state["train_acc"][-1], train_state["val_loss"][-1],
        train_state["val_acc"][-1], optimizer.param_groups[0]["lr"], train_state["early_stopping_step"]))
    if train_state["stop_early"]:
        print("stopping early")
        break

classifier.load_state_dict(torch.load(train_state["model_filename"]))
classifier = classifier.to(args.device)
dataset.set_split("test")
running_loss = 0.
running_acc = 0.
classifier.eval()
for batch_index, batch_dict in enumerate(generate_batches(dataset, batch_size=args.batch_size, device=args.device)):
    y_pred = classifier(x_in=batch_dict["x_data"].float())
    loss = loss_func(y_pred, batch_dict["y_target"].float())
    running_loss += (loss.item() - running_loss) / (batch_index + 1)
    running_acc += (compute_accuracy(y_pred, batch_dict["y_target"]) - running_acc) / (batch_index + 1)
train_state["test_loss"] = running_loss
train_state["test_acc"] = running_acc
print("Test loss: {:.3f}".format(train_state["test_loss"]))
print("Test Accuracy: {:.2f}".format(train_state["test_acc"]))

reloaded = ReviewDataset.load_vectorizer_only(args.vectorizer_file)
print(reloaded.review_vocab, reloaded.rating_vocab.lookup_index(1), reloaded.review_vocab.lookup_token("zebra"))
try:
    reloaded.rating_vocab.lookup_index(7)
except KeyError as err:
    print("KeyError:", err)


def predict_rating(review, classifier, vectorizer, decision_threshold=0.5):
    review = preprocess_text(review)
    vectorized_review = torch.tensor(vectorizer.vectorize(review))
    result = classifier(vectorized_review.view(1, -1))
    probability_value = F.sigmoid(result).item()
    index = 1
    if probability_value < decision_threshold:
        index = 0
    return vectorizer.rating_vocab.lookup_index(index)


classifier = classifier.cpu()
# The book's F.sigmoid is deprecated in 1.13; the warning's file path is the installation's, so show its text.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for test_review in ["The staff was friendly, food was GREAT!", "cold and bland food... slow service"]:
        prediction = predict_rating(test_review, classifier, reloaded, decision_threshold=0.5)
        print("{} -> {}".format(test_review, prediction))
print(["{}: {}".format(w.category.__name__, w.message) for w in caught])

print(classifier.fc1.weight.shape)
fc1_weights = classifier.fc1.weight.detach()[0]
_, indices = torch.sort(fc1_weights, dim=0, descending=True)
indices = indices.numpy().tolist()
print("Influential words in Positive Reviews:")
print("--------------------------------------")
for i in range(5):
    print(vectorizer.review_vocab.lookup_index(indices[i]))
print("====")
print("Influential words in Negative Reviews:")
print("--------------------------------------")
indices.reverse()
for i in range(5):
    print(vectorizer.review_vocab.lookup_index(indices[i]))
workdir.cleanup()
