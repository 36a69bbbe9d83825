# "Natural Language Processing with PyTorch" (Rao & McMahan; Korean: 파이토치로 배우는 자연어 처리) chapter 4
# idioms on a small generated surname table (no download, a CSV in a TemporaryDirectory): the in-text
# MultilayerPerceptron (`F.relu(self.fc1(x_in))`, `F.softmax(output, dim=1)` behind `apply_softmax`, `print(mlp)`,
# a describe() helper) and its `F.dropout(intermediate, p=0.5)` variant, nn.Conv1d shape walkthroughs on
# `torch.randn(batch, one_hot_size, width)` (`.size()`, `intermediate2.mean(dim=0).mean(dim=1).sum()`,
# `view(batch_size, -1)`, `torch.mean(x, dim=2)`, BatchNorm1d after ReLU, `mean(dim=(0, 2))`), nn.Conv2d with
# `describe(conv1.weight)`; then the surname classifiers: a Vocabulary whose add_token uses try/except
# KeyError and `unk_token="@"`, a SurnameVectorizer built with `iterrows()` and `max(max_len, len(row.surname))`
# giving a collapsed one-hot vector (MLP) or a `(len(vocab), max_len)` one-hot matrix (CNN), class weights
# `1.0 / torch.tensor(frequencies)` from `nationality.value_counts().to_dict()` sorted by vocabulary index,
# `nn.CrossEntropyLoss(weight=...)`, the CNN as an nn.Sequential of Conv1d (stride 2) and nn.ELU with
# `.squeeze(dim=2)` before the Linear layer, Adam with ReduceLROnPlateau, running loss and accuracy with
# `y_pred.max(dim=1)[1]` / `_, idx = y_pred.max(dim=1)` and `torch.eq(...).sum().item()`, early stopping
# state, `predict_nationality` (`result.max(dim=1)`, `.item()`) and `predict_topk_nationality` (`torch.topk`,
# `probability_values[0].detach().numpy()`, "{} -> {} (p={:0.2f})").
import os
import tempfile
from argparse import Namespace

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, Dataset

seed = 1337
torch.manual_seed(seed)
np.random.seed(seed)


def describe(x):
    print("Type: {}".format(x.type()))
    print("Shape/size: {}".format(x.shape))
    print("Values: \n{}".format(x))


class MultilayerPerceptron(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, dropout_p=0.0):
        super(MultilayerPerceptron, self).__init__()
        self.fc1 = nn.Linear(input_dim, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, output_dim)
        self.dropout_p = dropout_p

    def forward(self, x_in, apply_softmax=False):
        intermediate = F.relu(self.fc1(x_in))
        if self.dropout_p > 0:
            # F.dropout defaults to training=True, so the book's variant drops units even in eval mode.
            intermediate = F.dropout(intermediate, p=self.dropout_p)
        output = self.fc2(intermediate)
        if apply_softmax:
            output = F.softmax(output, dim=1)
        return output


mlp = MultilayerPerceptron(input_dim=3, hidden_dim=8, output_dim=4)
print(mlp)
x_input = torch.rand(2, 3)
describe(x_input)
describe(mlp(x_input, apply_softmax=False))
describe(mlp(x_input, apply_softmax=True))
dropped = MultilayerPerceptron(3, 8, 4, dropout_p=0.5)
dropped.eval()
describe(dropped(x_input))

batch_size, one_hot_size, sequence_width = 2, 10, 7
data = torch.randn(batch_size, one_hot_size, sequence_width)
conv1 = nn.Conv1d(in_channels=one_hot_size, out_channels=16, kernel_size=3)
conv2 = nn.Conv1d(in_channels=16, out_channels=32, kernel_size=3)
conv3 = nn.Conv1d(in_channels=32, out_channels=64, kernel_size=3)
intermediate1 = conv1(data)
intermediate2 = conv2(intermediate1)
intermediate3 = conv3(intermediate2)
print(data.size(), intermediate1.size(), intermediate2.size(), intermediate3.size())
print(intermediate3.squeeze().size())
print(intermediate2.mean(dim=0).mean(dim=1).sum())
print(intermediate1.view(batch_size, -1).size())
print(torch.mean(intermediate1, dim=2).size(), torch.max(intermediate1, dim=2)[0].size())
conv1_bn = nn.BatchNorm1d(num_features=16)
conv2_bn = nn.BatchNorm1d(num_features=32)
intermediate1 = conv1_bn(F.relu(conv1(data)))
intermediate2 = conv2_bn(F.relu(conv2(intermediate1)))
print(intermediate2.size(), conv3(intermediate2).size())
# Per-channel means after batch norm are rounding noise, so only their size is shown.
print(intermediate2.mean(dim=(0, 2)).abs().max().item() < 1e-5, intermediate2.var(dim=(0, 2), unbiased=False).mean())
x = torch.randn(1, 2, 3, 3)
conv2d = nn.Conv2d(in_channels=2, out_channels=1, kernel_size=2)
describe(conv2d.weight)
describe(conv2d(x))

# The surname table: each nationality spells with its own syllables.
SYLLABLES = {
    "English": ["smith", "wood", "ham", "ton", "ley", "field"],
    "French": ["du", "bois", "lau", "rent", "mont", "eau"],
    "Korean": ["kim", "park", "lee", "choi", "jung", "kang"],
    "Russian": ["ivan", "ov", "pet", "rov", "sky", "enko"],
    "Italian": ["ros", "si", "bian", "chi", "ric", "ci"],
}
rs = np.random.RandomState(11)
rows = []
for nationality, parts in SYLLABLES.items():
    count = {"English": 40, "French": 25, "Korean": 30, "Russian": 20, "Italian": 25}[nationality]
    for _ in range(count):
        name = "".join(parts[i] for i in rs.randint(len(parts), size=rs.randint(1, 3)))[:9]
        rows.append({"surname": name.capitalize(), "nationality": nationality})
# The conv stack below maps 9 positions to 1, so the longest name is fixed at 9 letters.
rows.append({"surname": "Ivanovsky", "nationality": "Russian"})
order = rs.permutation(len(rows))
surnames = pd.DataFrame([rows[i] for i in order])
surnames["split"] = ["train" if i % 10 < 7 else ("val" if i % 10 < 9 else "test") for i in range(len(surnames))]
workdir = tempfile.TemporaryDirectory()
args = Namespace(surname_csv=os.path.join(workdir.name, "surnames_with_splits.csv"),
                 model_state_file=os.path.join(workdir.name, "model.pth"), num_channels=16, seed=1337,
                 learning_rate=0.02, batch_size=16, num_epochs=7, early_stopping_criteria=3, cuda=False)
surnames.to_csv(args.surname_csv, index=False)
print(surnames.head())
print(surnames.nationality.value_counts())


class Vocabulary(object):
    def __init__(self, token_to_idx=None, add_unk=True, unk_token="<UNK>"):
        if token_to_idx is None:
            token_to_idx = {}
        self._token_to_idx = token_to_idx
        self._idx_to_token = {idx: token for token, idx in self._token_to_idx.items()}
        self.unk_index = -1
        if add_unk:
            self.unk_index = self.add_token(unk_token)

    def add_token(self, token):
        try:
            index = self._token_to_idx[token]
        except KeyError:
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


class SurnameVectorizer(object):
    def __init__(self, surname_vocab, nationality_vocab, max_surname_length, as_matrix):
        self.surname_vocab = surname_vocab
        self.nationality_vocab = nationality_vocab
        self._max_surname_length = max_surname_length
        self.as_matrix = as_matrix

    def vectorize(self, surname):
        if not self.as_matrix:
            one_hot = np.zeros(len(self.surname_vocab), dtype=np.float32)
            for token in surname:
                one_hot[self.surname_vocab.lookup_token(token)] = 1
            return one_hot
        one_hot_matrix_size = (len(self.surname_vocab), self._max_surname_length)
        one_hot_matrix = np.zeros(one_hot_matrix_size, dtype=np.float32)
        for position_index, character in enumerate(surname):
            character_index = self.surname_vocab.lookup_token(character)
            one_hot_matrix[character_index][position_index] = 1
        return one_hot_matrix

    @classmethod
    def from_dataframe(cls, surname_df, as_matrix):
        surname_vocab = Vocabulary(unk_token="@")
        nationality_vocab = Vocabulary(add_unk=False)
        max_surname_length = 0
        for index, row in surname_df.iterrows():
            max_surname_length = max(max_surname_length, len(row.surname))
            for letter in row.surname:
                surname_vocab.add_token(letter)
            nationality_vocab.add_token(row.nationality)
        return cls(surname_vocab, nationality_vocab, max_surname_length, as_matrix)


class SurnameDataset(Dataset):
    def __init__(self, surname_df, vectorizer):
        self.surname_df = surname_df
        self._vectorizer = vectorizer
        self._lookup_dict = {}
        for split in ("train", "val", "test"):
            frame = self.surname_df[self.surname_df.split == split]
            self._lookup_dict[split] = (frame, len(frame))
        self.set_split("train")
        class_counts = surname_df.nationality.value_counts().to_dict()

        def sort_key(item):
            return self._vectorizer.nationality_vocab.lookup_token(item[0])

        sorted_counts = sorted(class_counts.items(), key=sort_key)
        frequencies = [count for _, count in sorted_counts]
        self.class_weights = 1.0 / torch.tensor(frequencies, dtype=torch.float32)

    @classmethod
    def load_dataset_and_make_vectorizer(cls, surname_csv, as_matrix):
        surname_df = pd.read_csv(surname_csv)
        train_surname_df = surname_df[surname_df.split == "train"]
        return cls(surname_df, SurnameVectorizer.from_dataframe(train_surname_df, as_matrix))

    def get_vectorizer(self):
        return self._vectorizer

    def set_split(self, split="train"):
        self._target_split = split
        self._target_df, self._target_size = self._lookup_dict[split]

    def __len__(self):
        return self._target_size

    def __getitem__(self, index):
        row = self._target_df.iloc[index]
        return {"x_surname": self._vectorizer.vectorize(row.surname),
                "y_nationality": self._vectorizer.nationality_vocab.lookup_token(row.nationality)}

    def get_num_batches(self, batch_size):
        return len(self) // batch_size


def generate_batches(dataset, batch_size, shuffle=True, drop_last=True, device="cpu"):
    dataloader = DataLoader(dataset=dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)
    for data_dict in dataloader:
        out_data_dict = {}
        for name, tensor in data_dict.items():
            out_data_dict[name] = data_dict[name].to(device)
        yield out_data_dict


class SurnameMLP(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim):
        super(SurnameMLP, self).__init__()
        self.fc1 = nn.Linear(input_dim, hidden_dim)
        self.fc2 = nn.Linear(hidden_dim, output_dim)

    def forward(self, x_in, apply_softmax=False):
        intermediate_vector = F.relu(self.fc1(x_in))
        prediction_vector = self.fc2(intermediate_vector)
        if apply_softmax:
            prediction_vector = F.softmax(prediction_vector, dim=1)
        return prediction_vector


class SurnameClassifier(nn.Module):
    def __init__(self, initial_num_channels, num_classes, num_channels):
        super(SurnameClassifier, self).__init__()
        self.convnet = nn.Sequential(
            nn.Conv1d(in_channels=initial_num_channels, out_channels=num_channels, kernel_size=3),
            nn.ELU(),
            nn.Conv1d(in_channels=num_channels, out_channels=num_channels, kernel_size=3, stride=2),
            nn.ELU(),
            nn.Conv1d(in_channels=num_channels, out_channels=num_channels, kernel_size=3),
            nn.ELU()
        )
        self.fc = nn.Linear(num_channels, num_classes)

    def forward(self, x_surname, apply_softmax=False):
        features = self.convnet(x_surname).squeeze(dim=2)
        prediction_vector = self.fc(features)
        if apply_softmax:
            prediction_vector = F.softmax(prediction_vector, dim=1)
        return prediction_vector


def compute_accuracy(y_pred, y_target):
    y_pred_indices = y_pred.max(dim=1)[1]
    n_correct = torch.eq(y_pred_indices, y_target).sum().item()
    return n_correct / len(y_pred_indices) * 100


def run_epoch(classifier, dataset, split, loss_func, optimizer=None, batch_size=None):
    dataset.set_split(split)
    running_loss = 0.0
    running_acc = 0.0
    classifier.train(optimizer is not None)
    batch_size = args.batch_size if batch_size is None else batch_size
    for batch_index, batch_dict in enumerate(generate_batches(dataset, batch_size=batch_size)):
        if optimizer is not None:
            optimizer.zero_grad()
        y_pred = classifier(batch_dict["x_surname"])
        loss = loss_func(y_pred, batch_dict["y_nationality"])
        running_loss += (loss.item() - running_loss) / (batch_index + 1)
        if optimizer is not None:
            loss.backward()
            optimizer.step()
        acc_t = compute_accuracy(y_pred, batch_dict["y_nationality"])
        running_acc += (acc_t - running_acc) / (batch_index + 1)
    return running_loss, running_acc


def train(classifier, dataset):
    loss_func = nn.CrossEntropyLoss(weight=dataset.class_weights)
    optimizer = optim.Adam(classifier.parameters(), lr=args.learning_rate)
    scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer=optimizer, mode="min", factor=0.5, patience=1)
    train_state = {"stop_early": False, "early_stopping_step": 0, "early_stopping_best_val": 1e8,
                   "train_loss": [], "val_loss": [], "val_acc": []}
    for epoch_index in range(args.num_epochs):
        train_loss, train_acc = run_epoch(classifier, dataset, "train", loss_func, optimizer)
        val_loss, val_acc = run_epoch(classifier, dataset, "val", loss_func)
        train_state["train_loss"].append(train_loss)
        train_state["val_loss"].append(val_loss)
        train_state["val_acc"].append(val_acc)
        if val_loss < train_state["early_stopping_best_val"]:
            train_state["early_stopping_best_val"] = val_loss
            torch.save(classifier.state_dict(), args.model_state_file)
            train_state["early_stopping_step"] = 0
        else:
            train_state["early_stopping_step"] += 1
        train_state["stop_early"] = train_state["early_stopping_step"] >= args.early_stopping_criteria
        scheduler.step(val_loss)
        if epoch_index % 3 == 0 or train_state["stop_early"]:
            print("epoch {}: train {:.4f} ({:.1f}%) val {:.4f} ({:.1f}%)".format(
                epoch_index, train_loss, train_acc, val_loss, val_acc))
        if train_state["stop_early"]:
            print("early stop at epoch", epoch_index)
            break
    classifier.load_state_dict(torch.load(args.model_state_file))
    test_loss, test_acc = run_epoch(classifier, dataset, "test", nn.CrossEntropyLoss(dataset.class_weights),
                                    batch_size=4)
    print("Test loss: {};".format(round(test_loss, 4)))
    print("Test Accuracy: {}".format(test_acc))


def predict_nationality(surname, classifier, vectorizer):
    vectorized_surname = torch.tensor(vectorizer.vectorize(surname)).unsqueeze(0)
    result = classifier(vectorized_surname, apply_softmax=True)
    probability_values, indices = result.max(dim=1)
    index = indices.item()
    return {"nationality": vectorizer.nationality_vocab.lookup_index(index),
            "probability": probability_values.item()}


def predict_topk_nationality(surname, classifier, vectorizer, k=5):
    vectorized_surname = torch.tensor(vectorizer.vectorize(surname)).unsqueeze(dim=0)
    prediction_vector = classifier(vectorized_surname, apply_softmax=True)
    probability_values, indices = torch.topk(prediction_vector, k=k)
    probability_values = probability_values[0].detach().numpy()
    indices = indices[0].detach().numpy()
    results = []
    for kth_index in range(k):
        nationality = vectorizer.nationality_vocab.lookup_index(indices[kth_index])
        results.append({"nationality": nationality, "probability": probability_values[kth_index]})
    return results


for as_matrix in (False, True):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    dataset = SurnameDataset.load_dataset_and_make_vectorizer(args.surname_csv, as_matrix)
    vectorizer = dataset.get_vectorizer()
    print(vectorizer.surname_vocab, vectorizer.nationality_vocab, vectorizer._max_surname_length)
    print(dataset.class_weights)
    print(dataset[0]["x_surname"].shape, dataset[0]["x_surname"].sum(), dataset[0]["y_nationality"])
    if as_matrix:
        classifier = SurnameClassifier(initial_num_channels=len(vectorizer.surname_vocab),
                                       num_classes=len(vectorizer.nationality_vocab),
                                       num_channels=args.num_channels)
    else:
        classifier = SurnameMLP(input_dim=len(vectorizer.surname_vocab), hidden_dim=32,
                                output_dim=len(vectorizer.nationality_vocab))
    print(classifier)
    train(classifier, dataset)
    classifier.eval()
    for new_surname in ["Kimpark", "Dubois", "Petrov", "Zzyx"]:
        prediction = predict_nationality(new_surname, classifier, vectorizer)
        print("{} -> {} (p={:0.2f})".format(new_surname, prediction["nationality"], prediction["probability"]))
    k = 3
    predictions = predict_topk_nationality("Rossini", classifier, vectorizer, k=k)
    print("Top {} predictions:".format(k))
    print("===================")
    for prediction in predictions:
        print("{} -> {} (p={:0.2f})".format("Rossini", prediction["nationality"], prediction["probability"]))
workdir.cleanup()
