# Word embeddings and an N-gram language model (after PyTorch's beginner_source/nlp/word_embeddings_tutorial.py
# and wikidocs 09 "워드 임베딩" nn.Embedding): a seeded nn.Embedding looked up with
# `torch.tensor([word_to_ix[w]], dtype=torch.long)`, a trigram model (embeddings of two context words
# `.view((1, -1))`, Linear, ReLU, Linear, F.log_softmax) trained with nn.NLLLoss and optim.SGD printing the
# total loss per epoch, padding_idx, from_pretrained, F.embedding, and the messages for bad indices.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(3)

word_to_ix = {'sun': 0, 'moon': 1}
embeds = nn.Embedding(2, 5)
print(embeds)
lookup_tensor = torch.tensor([word_to_ix['moon']], dtype=torch.long)
moon_embed = embeds(lookup_tensor)
print(moon_embed)
print(embeds.weight.shape, embeds.weight.requires_grad)

CONTEXT_SIZE = 2
EMBEDDING_DIM = 8
text = """the river runs down to the sea and the sea runs back as rain to the hills
where the river starts again and runs down to the sea""".split()
ngrams = [([text[i - j - 1] for j in range(CONTEXT_SIZE)], text[i]) for i in range(CONTEXT_SIZE, len(text))]
print(ngrams[:3])
vocab = sorted(set(text))
word_to_ix = {word: i for i, word in enumerate(vocab)}
print(len(vocab), 'words')


class NGramLanguageModeler(nn.Module):
    def __init__(self, vocab_size, embedding_dim, context_size):
        super(NGramLanguageModeler, self).__init__()
        self.embeddings = nn.Embedding(vocab_size, embedding_dim)
        self.linear1 = nn.Linear(context_size * embedding_dim, 32)
        self.linear2 = nn.Linear(32, vocab_size)

    def forward(self, inputs):
        embeds = self.embeddings(inputs).view((1, -1))
        out = F.relu(self.linear1(embeds))
        out = self.linear2(out)
        log_probs = F.log_softmax(out, dim=1)
        return log_probs


losses = []
loss_function = nn.NLLLoss()
model = NGramLanguageModeler(len(vocab), EMBEDDING_DIM, CONTEXT_SIZE)
print(model)
optimizer = optim.SGD(model.parameters(), lr=0.05)

for epoch in range(8):
    total_loss = 0
    for context, target in ngrams:
        context_idxs = torch.tensor([word_to_ix[w] for w in context], dtype=torch.long)
        model.zero_grad()
        log_probs = model(context_idxs)
        loss = loss_function(log_probs, torch.tensor([word_to_ix[target]], dtype=torch.long))
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    losses.append(total_loss)
print(losses)
print(model.embeddings.weight[word_to_ix['sea']])

with torch.no_grad():
    log_probs = model(torch.tensor([word_to_ix['to'], word_to_ix['down']]))
    print('after "down to":', vocab[log_probs.argmax(dim=1).item()], log_probs.max().item())

# padding, a batch of index sequences, the gradient a lookup leaves
emb = nn.Embedding(num_embeddings=len(vocab), embedding_dim=3, padding_idx=1)
print(emb, emb.weight[1])
batch = torch.LongTensor([[2, 1, 4], [4, 4, 0]])
out = emb(batch)
print(out.shape, type(out.grad_fn).__name__)
out.sum().backward()
print(emb.weight.grad[:5])

pretrained = torch.FloatTensor([[0.5, 1.5], [2.0, -1.0], [0.25, 0.75]])
frozen = nn.Embedding.from_pretrained(pretrained)
print(frozen, frozen.weight.requires_grad, frozen(torch.LongTensor([2, 0])))
print(F.embedding(torch.tensor([[1, 1]]), pretrained))

for bad in [torch.tensor([0.0, 1.0]), torch.tensor([3]), [0, 1]]:
    try:
        frozen(bad)
    except (RuntimeError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
