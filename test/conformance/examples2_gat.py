# pytorch/examples gat/main.py idioms (Graph Attention Networks) on a small generated citation-like graph
# (no download): GraphAttentionLayer with `nn.Parameter(torch.empty(size=(in, hidden * heads)))` and a
# per-head attention vector `torch.empty(size=(heads, 2 * hidden, 1))`, `nn.init.xavier_normal_`, a
# `reset_parameters` method, `torch.mm(h, self.W)`, `F.dropout(..., training=self.training)`,
# `.view(n, heads, hidden).permute(1, 0, 2)`, source/target scores by `torch.matmul` with slices of `self.a`
# and `target_scores.mT`, nn.LeakyReLU(0.2), the `-9e16 * torch.ones_like(e)` mask through
# `torch.where(adj_mat > 0, e, mask)`, `F.softmax(e, dim=-1)`, heads concatenated by
# `.permute(1, 0, 2).contiguous().view(n, out)` or averaged by `.mean(dim=0)`, F.elu between layers,
# F.log_softmax; features row-normalised with `1 / scale_vector`, `scale_vector[scale_vector == float('inf')] = 0`
# and `torch.diag(scale_vector) @ features` (dense: the example's `.to_sparse()` is not supported here),
# `torch.FloatTensor`/`torch.LongTensor` of numpy arrays, `np.unique(..., return_inverse=True)` of topic codes, self-loops by
# `torch.eye(V) + adj`, labels split by `torch.randperm`, Adam with weight_decay, nn.NLLLoss on
# `output[mask]`, `model(*input)`, the example's f-string 'Epoch: {epoch:04d} ... acc_val' and test lines.
import argparse

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim import Adam


class GraphAttentionLayer(nn.Module):
    def __init__(self, in_features: int, out_features: int, n_heads: int, concat: bool = False,
                 dropout: float = 0.4, leaky_relu_slope: float = 0.2):
        super(GraphAttentionLayer, self).__init__()
        self.n_heads = n_heads
        self.concat = concat
        self.dropout = dropout
        if concat:
            self.out_features = out_features
            assert out_features % n_heads == 0
            self.n_hidden = out_features // n_heads
        else:
            self.n_hidden = out_features
        self.W = nn.Parameter(torch.empty(size=(in_features, self.n_hidden * n_heads)))
        self.a = nn.Parameter(torch.empty(size=(n_heads, 2 * self.n_hidden, 1)))
        self.leakyrelu = nn.LeakyReLU(leaky_relu_slope)
        self.softmax = nn.Softmax(dim=1)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.xavier_normal_(self.W)
        nn.init.xavier_normal_(self.a)

    def _get_attention_scores(self, h_transformed: torch.Tensor):
        # e_ij = LeakyReLU(a_src . Wh_i + a_dst . Wh_j), one matrix per head
        source_scores = torch.matmul(h_transformed, self.a[:, :self.n_hidden, :])
        target_scores = torch.matmul(h_transformed, self.a[:, self.n_hidden:, :])
        e = source_scores + target_scores.mT
        return self.leakyrelu(e)

    def forward(self, h: torch.Tensor, adj_mat: torch.Tensor):
        n_nodes = h.shape[0]
        h_transformed = torch.mm(h, self.W)
        h_transformed = F.dropout(h_transformed, self.dropout, training=self.training)
        h_transformed = h_transformed.view(n_nodes, self.n_heads, self.n_hidden).permute(1, 0, 2)
        e = self._get_attention_scores(h_transformed)
        # non-neighbours get a huge negative score so softmax gives them no weight
        connectivity_mask = -9e16 * torch.ones_like(e)
        e = torch.where(adj_mat > 0, e, connectivity_mask)
        attention = F.softmax(e, dim=-1)
        attention = F.dropout(attention, self.dropout, training=self.training)
        h_prime = torch.matmul(attention, h_transformed)
        if self.concat:
            h_prime = h_prime.permute(1, 0, 2).contiguous().view(n_nodes, self.out_features)
        else:
            h_prime = h_prime.mean(dim=0)
        return h_prime


class GAT(nn.Module):
    def __init__(self, in_features, n_hidden, n_heads, num_classes, concat=False, dropout=0.4,
                 leaky_relu_slope=0.2):
        super(GAT, self).__init__()
        self.gat1 = GraphAttentionLayer(in_features=in_features, out_features=n_hidden, n_heads=n_heads,
                                        concat=concat, dropout=dropout, leaky_relu_slope=leaky_relu_slope)
        self.gat2 = GraphAttentionLayer(in_features=n_hidden, out_features=num_classes, n_heads=1,
                                        concat=False, dropout=dropout, leaky_relu_slope=leaky_relu_slope)

    def forward(self, input_tensor: torch.Tensor, adj_mat: torch.Tensor):
        x = self.gat1(input_tensor, adj_mat)
        x = F.elu(x)
        x = self.gat2(x, adj_mat)
        return F.log_softmax(x, dim=1)


def make_graph(n_nodes=40, n_words=12, rng=None):
    """A citation-like graph: three topics, bag-of-words features, edges mostly inside a topic."""
    # topic codes as the raw file might number them (numpy string arrays are not supported here)
    topics = np.array([30, 10, 20])
    node_topic = rng.randint(0, 3, size=n_nodes)
    words = (rng.rand(n_nodes, n_words) < 0.15).astype(np.int32)
    for i in range(n_nodes):
        words[i, node_topic[i] * 4:node_topic[i] * 4 + 2] = 1
    words[5] = 0  # a paper with no words: its scale becomes inf and is reset to 0
    edges = []
    for i in range(n_nodes):
        for j in range(n_nodes):
            same = node_topic[i] == node_topic[j]
            if i != j and rng.rand() < (0.2 if same else 0.02):
                edges.append([i, j])
    return words, topics[node_topic], np.array(edges, dtype=np.int32)


def load_graph(device='cpu'):
    words, topic_codes, edges = make_graph(rng=np.random.RandomState(4))
    features = torch.FloatTensor(words)
    scale_vector = torch.sum(features, dim=1)
    scale_vector = 1 / scale_vector
    scale_vector[scale_vector == float('inf')] = 0
    features = torch.diag(scale_vector) @ features
    classes, labels = np.unique(topic_codes, return_inverse=True)
    labels = torch.LongTensor(labels)
    V = features.shape[0]
    adj_mat = torch.zeros(V, V, dtype=torch.int64)
    adj_mat[edges[:, 0], edges[:, 1]] = 1
    adj_mat = torch.eye(V) + adj_mat
    print('classes:', classes.tolist(), 'edges:', edges.shape[0], 'adj dtype:', adj_mat.dtype)
    return features.to(device), labels.to(device), adj_mat.to(device)


def train_iter(epoch, model, optimizer, criterion, input, target, mask_train, mask_val, print_every=10):
    model.train()
    optimizer.zero_grad()
    output = model(*input)
    loss = criterion(output[mask_train], target[mask_train])
    loss.backward()
    optimizer.step()
    loss_train, acc_train = test(model, criterion, input, target, mask_train)
    loss_val, acc_val = test(model, criterion, input, target, mask_val)
    if epoch % print_every == 0:
        print(f'Epoch: {epoch:04d} loss_train: {loss_train:.4f} acc_train: {acc_train:.4f} '
              f'loss_val: {loss_val:.4f} acc_val: {acc_val:.4f}')


def test(model, criterion, input, target, mask):
    model.eval()
    with torch.no_grad():
        output = model(*input)
        output, target = output[mask], target[mask]
        loss = criterion(output, target)
        acc = (output.argmax(dim=1) == target).float().sum() / len(target)
    return loss.item(), acc.item()


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='PyTorch Graph Attention Network')
    parser.add_argument('--epochs', type=int, default=40, help='number of epochs to train (default: 40)')
    parser.add_argument('--lr', type=float, default=0.01, help='learning rate (default: 0.01)')
    parser.add_argument('--l2', type=float, default=5e-4, help='weight decay (default: 5e-4)')
    parser.add_argument('--dropout-p', type=float, default=0.3, help='dropout probability (default: 0.3)')
    parser.add_argument('--hidden-dim', type=int, default=8, help='hidden representation size (default: 8)')
    parser.add_argument('--num-heads', type=int, default=4, help='number of attention heads (default: 4)')
    parser.add_argument('--concat-heads', action='store_true', help='concatenate heads instead of averaging')
    parser.add_argument('--val-every', type=int, default=8, help='epochs between reports (default: 8)')
    parser.add_argument('--dry-run', action='store_true', help='quickly check a single pass')
    parser.add_argument('--seed', type=int, default=13, metavar='S', help='random seed (default: 13)')
    args = parser.parse_args([])

    torch.manual_seed(args.seed)
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    print(f'Using {device} device')

    features, labels, adj_mat = load_graph(device=device)
    print('row sums:', features.sum(dim=1)[:8])
    idx = torch.randperm(len(labels)).to(device)
    idx_test, idx_val, idx_train = idx[:12], idx[12:20], idx[20:]

    for concat in (False, True):
        gat_net = GAT(in_features=features.shape[1], n_hidden=args.hidden_dim, n_heads=args.num_heads,
                      num_classes=labels.max().item() + 1, concat=concat, dropout=args.dropout_p,
                      leaky_relu_slope=0.2).to(device)
        print(gat_net)
        print('W', tuple(gat_net.gat1.W.shape), 'a', tuple(gat_net.gat1.a.shape),
              'W std %.2f' % gat_net.gat1.W.std().item())
        optimizer = Adam(gat_net.parameters(), lr=args.lr, weight_decay=args.l2)
        criterion = nn.NLLLoss()
        for epoch in range(args.epochs):
            train_iter(epoch + 1, gat_net, optimizer, criterion, (features, adj_mat), labels, idx_train,
                       idx_val, args.val_every)
            if args.dry_run:
                break
        loss_test, acc_test = test(gat_net, criterion, (features, adj_mat), labels, idx_test)
        print(f'Test set results: loss {loss_test:.4f} accuracy {acc_test:.4f}')

    gat_net.eval()
    with torch.no_grad():
        layer = gat_net.gat1
        h = torch.mm(features, layer.W).view(-1, layer.n_heads, layer.n_hidden).permute(1, 0, 2)
        e = torch.where(adj_mat > 0, layer._get_attention_scores(h), -9e16 * torch.ones(1))
        attention = F.softmax(e, dim=-1)
        print('attention rows sum to one:', torch.allclose(attention.sum(-1), torch.ones(layer.n_heads, len(labels))))
        print('node 0 attends to:', attention[0, 0].nonzero().flatten().tolist())
        print('head 0 weights of node 0:', attention[0, 0][adj_mat[0] > 0])
