# CTC training as speech-recognition tutorials write it (AssemblyAI's "end-to-end speech recognition in
# PyTorch", the nn.CTCLoss docs example, OCR/CRNN notebooks): features [batch, time, n_feats] through a
# bidirectional GRU and a linear classifier, F.log_softmax(dim=2) then .transpose(0, 1) to [time, batch,
# classes], nn.CTCLoss(blank=0, zero_infinity=True) with padded targets and per-item input/target lengths,
# AdamW steps, greedy decoding (argmax, collapse repeats, drop blanks); the docs' concatenated-target form
# with reduction='sum' and 'none', an input too short for its target (inf, and zero_infinity), and the
# error for an input length longer than the sequence.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n_classes = 5  # blank + 4 "phonemes"
T, N, n_feats = 12, 4, 6


def make_batch():
    # Each label shows up as a burst of its own feature pattern; the sequence is the label order.
    targets = torch.randint(1, n_classes, (N, 3))
    target_lengths = torch.tensor([3, 2, 3, 1])
    feats = torch.randn(N, T, n_feats) * 0.1
    for b in range(N):
        for k in range(int(target_lengths[b])):
            feats[b, 1 + 3 * k : 3 + 3 * k, int(targets[b, k])] += 1.0
    input_lengths = torch.tensor([12, 9, 11, 5])
    return feats, targets, input_lengths, target_lengths


class SpeechModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.GRU(n_feats, 8, batch_first=True, bidirectional=True)
        self.classifier = nn.Linear(16, n_classes)

    def forward(self, x):
        x, _ = self.rnn(x)
        return self.classifier(x)


model = SpeechModel()
criterion = nn.CTCLoss(blank=0, zero_infinity=True)
print(model, criterion)
optimizer = torch.optim.AdamW(model.parameters(), lr=0.02)
feats, targets, input_lengths, target_lengths = make_batch()
for step in range(40):
    optimizer.zero_grad()
    output = F.log_softmax(model(feats), dim=2)
    output = output.transpose(0, 1)  # (time, batch, n_class)
    loss = criterion(output, targets, input_lengths, target_lengths)
    loss.backward()
    optimizer.step()
    if step % 8 == 0 or step == 39:
        print(f'step {step}: ctc loss {loss.item():.4f}', loss.grad_fn.name())


def greedy_decode(log_probs, lengths, blank=0):
    best = log_probs.argmax(dim=2).transpose(0, 1)
    decoded = []
    for b in range(best.size(0)):
        prev, seq = blank, []
        for t in range(int(lengths[b])):
            c = int(best[b, t])
            if c != blank and c != prev:
                seq.append(c)
            prev = c
        decoded.append(seq)
    return decoded


with torch.no_grad():
    out = F.log_softmax(model(feats), dim=2).transpose(0, 1)
print('decoded:', greedy_decode(out, input_lengths))
print('targets:', [targets[b, : int(target_lengths[b])].tolist() for b in range(N)])

# The docs' example shape: concatenated targets and tuple lengths.
torch.manual_seed(1)
inp = torch.randn(20, 3, 6).log_softmax(2).detach().requires_grad_()
tgt = torch.randint(1, 6, (9,), dtype=torch.long)
per_item = F.ctc_loss(inp, tgt, (20, 18, 15), (4, 3, 2), reduction='none')
total = F.ctc_loss(inp, tgt, (20, 18, 15), (4, 3, 2), reduction='sum')
total.backward()
print(per_item, total)
print('grad rows sum to ~0:', inp.grad.sum(2).abs().max().item() < 1e-4, inp.grad[0, 0])

short = torch.randn(2, 1, 4).log_softmax(2)
print(F.ctc_loss(short, torch.tensor([[1, 2, 3]]), (2,), (3,), reduction='none'))
print(F.ctc_loss(short, torch.tensor([[1, 2, 3]]), (2,), (3,), zero_infinity=True))
try:
    F.ctc_loss(short, torch.tensor([[1]]), (3,), (1,))
except RuntimeError as e:
    print('RuntimeError:', e)
