# The automatic-mixed-precision training loop of PyTorch's AMP recipe and of many course notebooks, run where
# there is no GPU: the scaler and autocast('cuda') warn and step aside, CPU autocast in float16 is disabled
# with a warning and then refused on entry, and the loss goes down in float32 exactly as without them.
import warnings

import torch
import torch.nn as nn

torch.manual_seed(0)
device = 'cuda' if torch.cuda.is_available() else 'cpu'
print('device:', device)


def caught(make):
    """Runs make() and prints the text of each warning it gives (their file paths are the installation's)."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter('always')
        value = make()
    for w in seen:
        print(f'  {w.category.__name__}: {w.message}')
    return value


net = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1)).to(device)
opt = torch.optim.SGD(net.parameters(), lr=0.05)
x = torch.randn(64, 8, device=device)
y = x[:, :1] * 2 - x[:, 1:2]
use_amp = True

print('GradScaler(enabled=use_amp):')
scaler = caught(lambda: torch.cuda.amp.GradScaler(enabled=use_amp))
print('enabled:', scaler.is_enabled(), 'scale:', scaler.get_scale(), 'state:', scaler.state_dict())
print('quiet when asked off:', caught(lambda: torch.cuda.amp.GradScaler(enabled=False)).is_enabled())

print("autocast(device_type='cpu', dtype=torch.float16):")
cpu_half = caught(lambda: torch.autocast(device_type=device, dtype=torch.float16, enabled=use_amp))
print("autocast(device_type='cuda'):")
cuda_ctx = caught(lambda: torch.autocast(device_type='cuda', dtype=torch.float16))

try:
    with cpu_half:
        print('not reached')
except RuntimeError as e:
    print('entering it: RuntimeError:', e)

for epoch in range(5):
    for i in range(0, 64, 16):
        with cuda_ctx:
            out = net(x[i : i + 16])
            print_dtype = epoch == 0 and i == 0
            if print_dtype:
                print('inside autocast:', out.dtype, torch.is_autocast_cpu_enabled(), torch.is_autocast_enabled())
            loss = nn.functional.mse_loss(out, y[i : i + 16])
        scaler.scale(loss).backward()
        scaler.unscale_(opt)
        norm = torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0)
        scaler.step(opt)
        scaler.update()
        opt.zero_grad(set_to_none=True)
    print(f'epoch {epoch}: loss {loss.item():.6f} grad norm {norm.item():.6f}')

with torch.cpu.amp.autocast(enabled=False):
    print('cpu.amp region, disabled:', net(x[:2]).dtype, torch.is_autocast_cpu_enabled())


@torch.cuda.amp.autocast(enabled=False)
def evaluate(inputs):
    return net(inputs).sum()


print('decorated evaluate:', round(evaluate(x).item(), 4))
checkpoint = {'model': net.state_dict(), 'optimizer': opt.state_dict(), 'scaler': scaler.state_dict()}
scaler.load_state_dict(checkpoint['scaler'])
print('checkpoint keys:', list(checkpoint), 'scaler entry:', checkpoint['scaler'])
print('types:', type(scaler).__module__, type(cpu_half).__module__, torch.cuda.amp.autocast.__module__)

try:
    torch.autocast(device_type='tpu')
except RuntimeError as e:
    print('RuntimeError:', e)
