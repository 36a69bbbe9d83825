# PyTorch "Text classification with the torchtext library" (beginner_source/text_sentiment_ngrams_tutorial.py)
# idioms without torchtext or a download: a made-up AG_NEWS-like list of (label, text) pairs with labels 1..4,
# a tokenizer and vocab written by hand (vocab(['here', 'is', ...]) as a list of ids, '<unk>' as default),
# text_pipeline/label_pipeline lambdas, collate_batch building label_list, text_list and offsets with
# torch.tensor(offsets[:-1]).cumsum(dim=0) and torch.cat(text_list), DataLoader(collate_fn=collate_batch),
# TextClassificationModel with nn.EmbeddingBag(vocab_size, embed_dim, sparse=False) and init_weights
# (uniform_(-initrange, initrange), bias.data.zero_()), train() with clip_grad_norm_(model.parameters(), 0.1)
# and the '| epoch {:3d} | {:5d}/{:5d} batches | accuracy {:8.3f}' line, evaluate() under torch.no_grad(),
# random_split of the training set, SGD(lr=LR) + StepLR(optimizer, 1.0, gamma=0.1) stepped when validation
# accuracy stops improving, the '-' * 59 banners with time taken replaced by a fixed string, predict() with
# output.argmax(1).item() + 1, and nn.EmbeddingBag's other modes, offsets and per_sample_weights.
import random

import torch
from torch import nn
from torch.utils.data import DataLoader
from torch.utils.data.dataset import random_split

random.seed(0)
torch.manual_seed(0)

topics = {
    1: ['election', 'minister', 'government', 'vote', 'treaty', 'president'],
    2: ['match', 'goal', 'season', 'coach', 'league', 'championship'],
    3: ['shares', 'market', 'profit', 'bank', 'investors', 'quarter'],
    4: ['software', 'chip', 'internet', 'computer', 'phone', 'launch'],
}
common = ['the', 'a', 'new', 'after', 'on', 'in', 'says', 'report', 'week', 'big']


def make_item():
    label = random.randint(1, 4)
    words = [random.choice(common) for _ in range(random.randint(3, 7))]
    for _ in range(random.randint(1, 3)):
        words.insert(random.randint(0, len(words)), random.choice(topics[label]))
    return label, ' '.join(words)


train_iter = [make_item() for _ in range(160)]
test_iter = [make_item() for _ in range(40)]
print(train_iter[:2])


def tokenizer(text):
    return text.lower().split()


counts = {}
for _, text in train_iter:
    for token in tokenizer(text):
        counts[token] = counts.get(token, 0) + 1
itos = ['<unk>'] + sorted(counts, key=lambda t: (-counts[t], t))
stoi = {t: i for i, t in enumerate(itos)}


def vocab(tokens):
    return [stoi.get(t, 0) for t in tokens]


print(vocab(['here', 'is', 'an', 'example']), vocab(['the', 'market', 'goal']))
text_pipeline = lambda x: vocab(tokenizer(x))
label_pipeline = lambda x: int(x) - 1
print(text_pipeline('here is the an example'), label_pipeline('10'))

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def collate_batch(batch):
    label_list, text_list, offsets = [], [], [0]
    for (_label, _text) in batch:
        label_list.append(label_pipeline(_label))
        processed_text = torch.tensor(text_pipeline(_text), dtype=torch.int64)
        text_list.append(processed_text)
        offsets.append(processed_text.size(0))
    label_list = torch.tensor(label_list, dtype=torch.int64)
    offsets = torch.tensor(offsets[:-1]).cumsum(dim=0)
    text_list = torch.cat(text_list)
    return label_list.to(device), text_list.to(device), offsets.to(device)


dataloader = DataLoader(train_iter, batch_size=4, shuffle=False, collate_fn=collate_batch)
label, text, offsets = next(iter(dataloader))
print(label, text, offsets)


class TextClassificationModel(nn.Module):
    def __init__(self, vocab_size, embed_dim, num_class):
        super(TextClassificationModel, self).__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, sparse=False)
        self.fc = nn.Linear(embed_dim, num_class)
        self.init_weights()

    def init_weights(self):
        initrange = 0.5
        self.embedding.weight.data.uniform_(-initrange, initrange)
        self.fc.weight.data.uniform_(-initrange, initrange)
        self.fc.bias.data.zero_()

    def forward(self, text, offsets):
        embedded = self.embedding(text, offsets)
        return self.fc(embedded)


num_class = len(set([label for (label, text) in train_iter]))
vocab_size = len(itos)
emsize = 16
model = TextClassificationModel(vocab_size, emsize, num_class).to(device)
print(num_class, vocab_size)
print(model)
out = model(text, offsets)
print(out.shape, out.grad_fn.name(), model.embedding(text, offsets).grad_fn.name())


def train(dataloader):
    model.train()
    total_acc, total_count = 0, 0
    log_interval = 10
    for idx, (label, text, offsets) in enumerate(dataloader):
        optimizer.zero_grad()
        predicted_label = model(text, offsets)
        loss = criterion(predicted_label, label)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        optimizer.step()
        total_acc += (predicted_label.argmax(1) == label).sum().item()
        total_count += label.size(0)
        if idx % log_interval == 0 and idx > 0:
            print('| epoch {:3d} | {:5d}/{:5d} batches '
                  '| accuracy {:8.3f}'.format(epoch, idx, len(dataloader), total_acc / total_count))
            total_acc, total_count = 0, 0


def evaluate(dataloader):
    model.eval()
    total_acc, total_count = 0, 0
    with torch.no_grad():
        for idx, (label, text, offsets) in enumerate(dataloader):
            predicted_label = model(text, offsets)
            loss = criterion(predicted_label, label)
            total_acc += (predicted_label.argmax(1) == label).sum().item()
            total_count += label.size(0)
    return total_acc / total_count


EPOCHS = 4
LR = 5
BATCH_SIZE = 8

criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=LR)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.1)
total_accu = None
train_dataset = train_iter
test_dataset = test_iter
num_train = int(len(train_dataset) * 0.95)
split_train_, split_valid_ = random_split(train_dataset, [num_train, len(train_dataset) - num_train])
print(len(split_train_), len(split_valid_), split_valid_.indices)

train_dataloader = DataLoader(split_train_, batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate_batch)
valid_dataloader = DataLoader(split_valid_, batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate_batch)
test_dataloader = DataLoader(test_dataset, batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate_batch)

for epoch in range(1, EPOCHS + 1):
    train(train_dataloader)
    accu_val = evaluate(valid_dataloader)
    if total_accu is not None and total_accu > accu_val:
        scheduler.step()
    else:
        total_accu = accu_val
    print('-' * 59)
    print('| end of epoch {:3d} | time: {} | '
          'valid accuracy {:8.3f} '.format(epoch, '(not timed)', accu_val))
    print('-' * 59)
    print(scheduler.get_last_lr())

print('Checking the results of test dataset.')
accu_test = evaluate(test_dataloader)
print('test accuracy {:8.3f}'.format(accu_test))

ag_news_label = {1: "World", 2: "Sports", 3: "Business", 4: "Sci/Tec"}


def predict(text, text_pipeline):
    with torch.no_grad():
        text = torch.tensor(text_pipeline(text))
        output = model(text, torch.tensor([0]))
        return output.argmax(1).item() + 1


ex_text_str = 'the coach says the league season starts after a big match'
model = model.to("cpu")
print("This is a %s news" % ag_news_label[predict(ex_text_str, text_pipeline)])
print(model.embedding.weight[:2])
print(model.fc.bias)

# The EmbeddingBag API page: sum/max modes, 2-D input, padding_idx and per-sample weights.
embedding_sum = nn.EmbeddingBag(10, 3, mode='sum')
input = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9], dtype=torch.long)
offsets = torch.tensor([0, 4], dtype=torch.long)
print(embedding_sum)
print(embedding_sum(input, offsets))
embedding_max = nn.EmbeddingBag(10, 3, mode='max')
print(embedding_max(torch.tensor([[1, 2, 4], [4, 3, 2]])))
embedding_sum = nn.EmbeddingBag(10, 3, mode='sum', padding_idx=2)
input = torch.tensor([2, 2, 2, 2, 4, 3, 2, 9], dtype=torch.long)
print(embedding_sum(input, offsets))
weight = torch.FloatTensor([[1, 2, 3], [4, 5, 6]])
embedding = nn.EmbeddingBag.from_pretrained(weight, mode='max')
print(embedding(torch.LongTensor([[1, 0]])))
bag = nn.EmbeddingBag(6, 2, mode='sum')
psw = torch.tensor([0.5, 2.0, 1.0, -1.0], requires_grad=True)
res = bag(torch.tensor([0, 3, 3, 5]), torch.tensor([0, 1]), per_sample_weights=psw)
res.sum().backward()
print(res, psw.grad, bag.weight.grad)
