"""torch.utils.benchmark.utils: where PyTorch defines the benchmark classes (common, timer, compare)."""
