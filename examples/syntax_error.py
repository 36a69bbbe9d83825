# This file has a mistake on purpose: Backprop Lens shows it in the Problems panel at its line.
import torch
import torch.nn as nn

model = nn.Linear(2, 1)
for step in range(10)
    loss = model(torch.ones(1, 2)).sum()
    loss.backward()
