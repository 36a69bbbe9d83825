# Losses for embeddings and rankings as metric-learning notebooks use them: a siamese encoder trained with
# CosineEmbeddingLoss on +1/-1 pairs, a ranking model with MarginRankingLoss, a triplet network with
# TripletMarginLoss (p=2 and p=1, swap=True) and TripletMarginWithDistanceLoss on cosine distance,
# HingeEmbeddingLoss on pair distances, nn.PairwiseDistance, and a multi-label head with
# MultiLabelSoftMarginLoss; then knowledge distillation with KLDivLoss(log_target=True) and per-token
# NLLLoss / CrossEntropyLoss on (N, C, L) scores with ignore_index and class weights.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(11)


def encoder():
    return nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))


# --- the losses on fixed values, every reduction ----------------------------------------------------------
s1 = torch.tensor([0.8, 0.1, 0.5, -0.3], requires_grad=True)
s2 = torch.tensor([0.2, 0.4, 0.9, -0.6], requires_grad=True)
y = torch.tensor([1.0, -1.0, 1.0, -1.0])
for reduction in ("mean", "sum", "none"):
    loss = nn.MarginRankingLoss(margin=0.5, reduction=reduction)(s1, s2, y)
    print("MarginRankingLoss", reduction, loss.detach(), loss.grad_fn.name())
loss = F.margin_ranking_loss(s1, s2, y, margin=0.5)
loss.backward()
print("grads:", s1.grad, s2.grad)

a = torch.randn(4, 3, requires_grad=True)
b = torch.randn(4, 3)
c = torch.randn(4, 3)
print(nn.CosineEmbeddingLoss(margin=0.2), nn.TripletMarginLoss(margin=1.0, p=2), nn.HingeEmbeddingLoss(margin=2.0))
for reduction in ("mean", "sum", "none"):
    cos_loss = nn.CosineEmbeddingLoss(margin=0.2, reduction=reduction)(a, b, y)
    trip = nn.TripletMarginLoss(margin=1.0, reduction=reduction)(a, b, c)
    print(reduction, "cosine", cos_loss.detach(), cos_loss.grad_fn.name(), "triplet", trip.detach(), trip.grad_fn.name())
print("cosine, one pair:", F.cosine_embedding_loss(a[0], b[0], torch.tensor(-1.0), margin=-0.5).item())
print("triplet p=1 swap:", F.triplet_margin_loss(a, b, c, margin=0.5, p=1, swap=True).item())
F.triplet_margin_loss(a, b, c, margin=2.0).backward()
print("anchor grad:", a.grad)

pdist = nn.PairwiseDistance(p=2)
print(pdist, pdist(a, b), F.pairwise_distance(a, b, keepdim=True).shape)
print("pairwise p=1:", F.pairwise_distance(a, c, p=1.0).detach())
d = pdist(a, b).detach()
for reduction in ("mean", "none"):
    print("HingeEmbeddingLoss", reduction, nn.HingeEmbeddingLoss(margin=2.0, reduction=reduction)(d, y))

# --- a siamese pair encoder with CosineEmbeddingLoss ---------------------------------------------------------
protos = torch.randn(3, 6)
labels = torch.randint(0, 3, (40,))
points = protos[labels] + 0.3 * torch.randn(40, 6)
left, right = torch.randperm(40), torch.randperm(40)
pair_target = torch.where(labels[left] == labels[right], 1.0, -1.0)
print("positive pairs:", int((pair_target == 1).sum()))

net = encoder()
optimizer = optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
criterion = nn.CosineEmbeddingLoss(margin=0.1)
for epoch in range(6):
    optimizer.zero_grad()
    loss = criterion(net(points[left]), net(points[right]), pair_target)
    loss.backward()
    optimizer.step()
    print(f"siamese epoch {epoch}: loss {loss.item():.4f}")
with torch.no_grad():
    sims = F.cosine_similarity(net(points[left]), net(points[right]))
print("mean cosine, same vs different:", round(sims[pair_target == 1].mean().item(), 3),
      round(sims[pair_target == -1].mean().item(), 3))

# --- a ranking model: which of two items scores higher? -----------------------------------------------------
scorer = nn.Linear(6, 1)
w_true = torch.randn(6)
rank_target = torch.sign(points[left] @ w_true - points[right] @ w_true)
optimizer = optim.Adam(scorer.parameters(), lr=0.05)
ranking = nn.MarginRankingLoss(margin=0.2)
for step in range(6):
    optimizer.zero_grad()
    loss = ranking(scorer(points[left]).squeeze(1), scorer(points[right]).squeeze(1), rank_target)
    loss.backward()
    optimizer.step()
    print(f"ranking step {step}: loss {loss.item():.4f}")
with torch.no_grad():
    agree = (torch.sign(scorer(points[left]) - scorer(points[right])).squeeze(1) == rank_target).float().mean()
print("pairs ordered right:", agree.item())

# --- a triplet network -------------------------------------------------------------------------------------
net = encoder()
optimizer = optim.Adam(net.parameters(), lr=0.01)
triplet_loss = nn.TripletMarginLoss(margin=1.0, p=2)
cosine_triplet = nn.TripletMarginWithDistanceLoss(
    distance_function=lambda u, v: 1.0 - F.cosine_similarity(u, v), margin=0.3)
print(cosine_triplet)
anchor_idx = torch.arange(12)
pos_idx = torch.tensor([int(torch.nonzero(labels == labels[i])[-1]) for i in anchor_idx])
neg_idx = torch.tensor([int(torch.nonzero(labels != labels[i])[0]) for i in anchor_idx])
for epoch in range(5):
    optimizer.zero_grad()
    anchor, positive, negative = net(points[anchor_idx]), net(points[pos_idx]), net(points[neg_idx])
    loss = triplet_loss(anchor, positive, negative)
    loss_cos = cosine_triplet(anchor, positive, negative)
    (loss + loss_cos).backward()
    optimizer.step()
    print(f"triplet epoch {epoch}: {loss.item():.4f} cosine {loss_cos.item():.4f}")

# --- multi-label: each sample may carry several tags -----------------------------------------------------------
tags = (points[:, :4] > 0).float()
head = nn.Linear(6, 4)
ml_loss = nn.MultiLabelSoftMarginLoss()
print(ml_loss, ml_loss(head(points), tags).grad_fn.name())
print("per sample:", F.multilabel_soft_margin_loss(head(points[:3]), tags[:3], reduction="none").detach())
print("weighted:", F.multilabel_soft_margin_loss(head(points), tags, weight=torch.tensor([1.0, 2.0, 1.0, 0.5])).item())
optimizer = optim.SGD(head.parameters(), lr=0.5)
for step in range(4):
    optimizer.zero_grad()
    out = head(points)
    loss = ml_loss(out, tags)
    loss.backward()
    optimizer.step()
    exact = ((out > 0).float() == tags).all(dim=1).float().mean().item()
    print(f"multilabel step {step}: loss {loss.item():.4f}, exact match {exact:.3f}")

# --- knowledge distillation: KLDivLoss between softened distributions -------------------------------------------
teacher = torch.randn(8, 5)
student = nn.Linear(6, 5)
T = 2.0
kl = nn.KLDivLoss(reduction="batchmean", log_target=True)
optimizer = optim.SGD(student.parameters(), lr=0.5)
for step in range(4):
    optimizer.zero_grad()
    s_logits = student(points[:8])
    soft_loss = kl(F.log_softmax(s_logits / T, dim=1), F.log_softmax(teacher / T, dim=1)) * (T * T)
    hard_loss = F.cross_entropy(s_logits, labels[:8])
    loss = 0.7 * soft_loss + 0.3 * hard_loss
    loss.backward()
    optimizer.step()
    print(f"distill step {step}: soft {soft_loss.item():.4f} hard {hard_loss.item():.4f}")
p_log = F.log_softmax(teacher[:2], dim=1)
q_log = F.log_softmax(teacher[2:4], dim=1)
print("log_target vs probabilities:", F.kl_div(q_log, p_log, reduction="sum", log_target=True).item(),
      F.kl_div(q_log, p_log.exp(), reduction="sum").item())

# --- per-token losses on (N, C, L) scores: padding ignored, rare classes weighted ----------------------------------
PAD = 0
scores = torch.randn(2, 4, 5, requires_grad=True)  # batch 2, 4 classes, 5 positions
tokens = torch.tensor([[1, 3, 2, PAD, PAD], [2, 2, 1, 3, PAD]])
nll = nn.NLLLoss(ignore_index=PAD)
print("NLLLoss 3-D:", nll(F.log_softmax(scores, dim=1), tokens).item())
weights = torch.tensor([0.0, 1.0, 2.0, 0.5])
ce = nn.CrossEntropyLoss(weight=weights, ignore_index=PAD)
loss = ce(scores, tokens)
loss.backward()
print("CE weighted 3-D:", loss.item(), "grad at pads:", scores.grad[0, :, 3].abs().sum().item())
print("per token:", F.cross_entropy(scores, tokens, ignore_index=PAD, reduction="none").detach())
print("smoothed:", F.cross_entropy(scores, tokens, ignore_index=PAD, label_smoothing=0.1).item())
