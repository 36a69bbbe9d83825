# Recurrent cells stepped by hand, as course notebooks and the nn.RNNCell/LSTMCell/GRUCell docs examples write
# them (`hx = cell(input[i], hx)` over time steps, `output.append(hx)`), then trained: a GRUCell sequence
# regressor with Adam and clip_grad_norm_, an nn.GRU classifier with SGD + ExponentialLR, and the GRU layer
# checked against a GRUCell loop that shares its weights.
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)

# --- the three cells, one step at a time -------------------------------------------------------------
rnn = nn.RNNCell(3, 5)
print(rnn)
for name, param in rnn.named_parameters():
    print(name, tuple(param.shape))
X_batch = torch.tensor([[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 0, 1]]], dtype=torch.float) / 10
hx = torch.zeros(2, 5)
output = []
for i in range(2):
    hx = rnn(X_batch[i], hx)
    output.append(hx)
print("RNNCell outputs:", torch.stack(output).shape)
print(torch.stack(output).round(decimals=4))
print("no hx given:", rnn(X_batch[0]).shape, "unbatched:", rnn(X_batch[0, 0]).shape)
print(nn.RNNCell(3, 4, nonlinearity="relu", bias=False))

lstm_cell = nn.LSTMCell(input_size=3, hidden_size=4)
h, c = torch.zeros(2, 4), torch.zeros(2, 4)
for t in range(2):
    h, c = lstm_cell(X_batch[t], (h, c))
print("LSTMCell h:", h.round(decimals=4))
print("LSTMCell c:", c.round(decimals=4))
print("weight_ih", tuple(lstm_cell.weight_ih.shape), "weight_hh", tuple(lstm_cell.weight_hh.shape))

gru_cell = nn.GRUCell(3, 4)
hx = torch.randn(2, 4)
for t in range(2):
    hx = gru_cell(X_batch[t], hx)
print("GRUCell h:", hx.round(decimals=4), hx.grad_fn.name())

# --- a GRUCell regressor: predict the running mean of a noisy sequence ------------------------------------
torch.manual_seed(1)
seqs = torch.randn(16, 6, 2)  # (batch, time, features)
targets = seqs[:, :, 0].cumsum(dim=1)[:, -1:] / 6


class CellRegressor(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.hidden_size = n_hidden
        self.cell = nn.GRUCell(n_in, n_hidden)
        self.head = nn.Linear(n_hidden, 1)

    def forward(self, x):
        hidden = torch.zeros(x.size(0), self.hidden_size)
        states = []
        for step in x.transpose(0, 1):
            hidden = self.cell(step, hidden)
            states.append(hidden)
        return self.head(states[-1]), torch.stack(states, dim=1)


model = CellRegressor(2, 8)
optimizer = optim.Adam(model.parameters(), lr=0.02)
criterion = nn.MSELoss()
for epoch in range(1, 7):
    optimizer.zero_grad()
    pred, states = model(seqs)
    loss = criterion(pred, targets)
    loss.backward()
    total_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.5)
    optimizer.step()
    print(f"epoch {epoch} loss {loss.item():.5f} grad norm {total_norm.item():.4f}")
print("states:", tuple(states.shape))

# clip_grad_value_ leaves every gradient inside [-0.01, 0.01]
optimizer.zero_grad()
criterion(model(seqs)[0], targets).backward()
torch.nn.utils.clip_grad_value_(model.parameters(), clip_value=0.01)
print("max |grad| after clip_grad_value_:", max(p.grad.abs().max().item() for p in model.parameters()))

# --- an nn.GRU classifier: does the sequence trend up or down? --------------------------------------------
torch.manual_seed(2)
n, T = 32, 5
slopes = torch.randn(n)
xs = slopes[:, None, None] * torch.linspace(0, 1, T)[None, :, None] + 0.1 * torch.randn(n, T, 1)
labels = (slopes > 0).long()


class GRUClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(input_size=1, hidden_size=6, batch_first=True)
        self.fc = nn.Linear(6, 2)

    def forward(self, x):
        out, h_n = self.gru(x)
        return self.fc(h_n[-1])


clf = GRUClassifier()
print(clf)
optimizer = optim.SGD(clf.parameters(), lr=0.5, momentum=0.9)
scheduler = optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.8)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(5):
    clf.train()
    optimizer.zero_grad()
    logits = clf(xs)
    loss = loss_fn(logits, labels)
    loss.backward()
    optimizer.step()
    scheduler.step()
    correct = (logits.argmax(dim=1) == labels).sum().item()
    print(f"epoch {epoch} loss {loss.item():.4f} acc {correct}/{n} lr {scheduler.get_last_lr()[0]:.4f}")

clf.eval()
with torch.no_grad():
    pred = clf(xs).argmax(1)
print("eval accuracy:", pred.eq(labels).float().mean().item())

# --- the GRU layer equals a GRUCell loop with the same weights ---------------------------------------------
cell = nn.GRUCell(1, 6)
with torch.no_grad():
    cell.weight_ih.copy_(clf.gru.weight_ih_l0)
    cell.weight_hh.copy_(clf.gru.weight_hh_l0)
    cell.bias_ih.copy_(clf.gru.bias_ih_l0)
    cell.bias_hh.copy_(clf.gru.bias_hh_l0)
    h = torch.zeros(n, 6)
    for t in range(T):
        h = cell(xs[:, t], h)
    out, h_n = clf.gru(xs)
print("same final state:", torch.allclose(h, h_n[0], atol=1e-6), torch.allclose(out[:, -1], h, atol=1e-6))
