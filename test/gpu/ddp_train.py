"""DistributedDataParallel training for the GPU check (test/gpu/check.sh), started by torchrun:

    python3 -m torch.distributed.run --standalone --nproc_per_node=2 backprop_lens_probe.py --events OUT ddp_train.py

NCCL with one GPU per rank when there are enough GPUs, else gloo (CUDA tensors on cuda:0 for every rank, or
the CPU without CUDA); BPL_DDP_BACKEND=gloo|nccl forces one. Only rank 0 prints.
"""

import os

import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel


def setup():
    world = int(os.environ.get('WORLD_SIZE', '1'))
    local = int(os.environ.get('LOCAL_RANK', '0'))
    cuda = torch.cuda.is_available()
    backend = os.environ.get('BPL_DDP_BACKEND') or ('nccl' if cuda and torch.cuda.device_count() >= world else 'gloo')
    if backend == 'nccl':
        device = torch.device(f'cuda:{local}')
        torch.cuda.set_device(device)
    else:
        device = torch.device('cuda:0' if cuda else 'cpu')
    dist.init_process_group(backend)
    return device, backend


def main():
    device, backend = setup()
    rank = dist.get_rank()
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(32, 64), nn.Tanh(), nn.Linear(64, 1)).to(device)
    ddp = DistributedDataParallel(model, device_ids=[device.index] if device.type == 'cuda' else None)
    optimizer = torch.optim.SGD(ddp.parameters(), lr=0.05, momentum=0.9)
    generator = torch.Generator().manual_seed(rank)
    x = torch.randn(256, 32, generator=generator).to(device)
    y = x[:, :1] * 0.5 - x[:, 1:2]
    for step in range(100):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(ddp(x), y)
        loss.backward()
        optimizer.step()
        if rank == 0 and step % 25 == 0:
            print(f'rank 0 of {dist.get_world_size()} ({backend}, {device}) step {step}: loss {loss.item():.4f}')
    dist.barrier()
    dist.destroy_process_group()


if __name__ == '__main__':
    main()
