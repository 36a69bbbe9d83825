# Idioms: CBOW from "Word Embeddings: Encoding Lexical Semantics": `raw_text.split()`, `set(...)` vocab and
# `word_to_ix = {word: i for i, word in enumerate(vocab)}` (sorted here: set order varies), contexts of two
# words on each side, `make_context_vector`, `nn.Embedding` summed over the context, `F.log_softmax(dim=-1)`,
# `nn.NLLLoss`, a `losses` list, nearest words by `F.cosine_similarity`.
# Seen in: PyTorch beginner_source/nlp/word_embeddings_tutorial.py (CBOW exercise) (PT-nlp); wikidocs 09.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)
CONTEXT_SIZE = 2
raw_text = """We are about to study the idea of a computational process.
Computational processes are abstract beings that inhabit computers.
As they evolve, processes manipulate other abstract things called data.""".split()
vocab = sorted(set(raw_text))
vocab_size = len(vocab)
word_to_ix = {word: i for i, word in enumerate(vocab)}
data = []
for i in range(CONTEXT_SIZE, len(raw_text) - CONTEXT_SIZE):
    context = [raw_text[i - 2], raw_text[i - 1], raw_text[i + 1], raw_text[i + 2]]
    data.append((context, raw_text[i]))
print(data[:3])


class CBOW(nn.Module):
    def __init__(self, vocab_size, embedding_dim):
        super(CBOW, self).__init__()
        self.embeddings = nn.Embedding(vocab_size, embedding_dim)
        self.linear = nn.Linear(embedding_dim, vocab_size)

    def forward(self, inputs):
        embeds = self.embeddings(inputs).sum(dim=0).view(1, -1)
        return F.log_softmax(self.linear(embeds), dim=-1)


def make_context_vector(context, word_to_ix):
    idxs = [word_to_ix[w] for w in context]
    return torch.tensor(idxs, dtype=torch.long)


print(make_context_vector(data[0][0], word_to_ix))
model = CBOW(vocab_size, 10)
loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.05)
losses = []
for epoch in range(8):
    total_loss = 0
    for context, target in data:
        context_idxs = make_context_vector(context, word_to_ix)
        model.zero_grad()
        log_probs = model(context_idxs)
        loss = loss_function(log_probs, torch.tensor([word_to_ix[target]], dtype=torch.long))
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    losses.append(total_loss)
print([round(v, 4) for v in losses])
with torch.no_grad():
    probe = make_context_vector(data[5][0], word_to_ix)
    print(data[5][1], '->', vocab[model(probe).argmax().item()])
    emb = model.embeddings.weight
    sims = F.cosine_similarity(emb[word_to_ix['processes']].unsqueeze(0), emb, dim=1)
    print(sims.shape, sims[word_to_ix['processes']])
    top = sims.topk(3)
    print([vocab[i] for i in top.indices.tolist()], top.values)
print(model.embeddings(torch.LongTensor([word_to_ix['data.']])))
